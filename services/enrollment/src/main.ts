import { z } from 'zod';
import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { createEnrollmentService } from './compose';
import { mongoAdapters } from './mongo';

const own = loadConfig(
  z.object({
    RELAIS_COUNTING_KEY: z
      .string()
      .min(32, 'at least 32 characters')
      .describe('secret key of the tokens that count distinct teachers (kept outside the database)'),
    TRAINER_DIRECTORY_REALM_FILE: z
      .string()
      .min(1)
      .describe('the realm file listing trainers, e.g. deploy/keycloak/realm-relais.json'),
    RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: z
      .string()
      .min(1)
      .describe(
        'the secret of relais-enrollment-identity-events, whose service account reads Keycloak’s admin events (user deletions, ADR 0033)',
      ),
    KEYCLOAK_ADMIN_URL: z
      .url()
      .optional()
      .describe('where enrollment reaches Keycloak’s admin API inside the cluster; KEYCLOAK_URL unless told'),
    RELAIS_IDENTITY_EVENTS_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .optional()
      .describe('how often Keycloak’s admin events are read, in milliseconds; 30 s unless told'),
    RELAIS_PUBLIC_URL: z
      .url()
      .optional()
      .describe(
        'the portal origin people reach, printed on attestations (/verifier/<code>); else the request’s',
      ),
  }),
);

await runProductionService('enrollment', async (infrastructure) =>
  createEnrollmentService(await mongoAdapters(infrastructure, own)),
);
