import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceApi } from '../http/service-api';
import {
  exportPersonalData,
  type CollectedPersonalData,
  type PersonalDataDeclaration,
} from './personal-data-declaration';

const exportedField = z.object({
  field: z.string(),
  label: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  retention: z.string(),
});

export const personalDataExportSchema = z
  .object({
    service: z.string(),
    label: z.string(),
    kinds: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        fields: z.array(exportedField),
        records: z.array(z.record(z.string(), z.unknown())),
      }),
    ),
  })
  .openapi('PersonalDataExport');

export interface MyDataRouteOptions {
  /** Authentication and role guards; every signed-in person may read what is held about himself. */
  middleware: RequestHandler[];
  declaration: PersonalDataDeclaration;
  /** The caller's records, per kind; the caller's identity comes from the authenticated request. */
  collect: (req: Request) => Promise<CollectedPersonalData>;
}

/** `GET /me/data` (GDPR articles 15 and 20): everything this service holds that refers to the caller. */
export function declareMyDataRoute(api: ServiceApi, options: MyDataRouteOptions): void {
  api.route({
    method: 'get',
    path: '/me/data',
    operationId: 'myPersonalData',
    summary:
      'Everything this service holds that refers to you, each field with its purpose, legal basis and retention.',
    description:
      'Right of access and portability (GDPR articles 15 and 20). Every kind of record the service keeps ' +
      'is listed, with an empty list when it holds none about you.',
    tags: ['personal data'],
    middleware: options.middleware,
    responses: {
      200: { description: 'What this service holds about you.', schema: personalDataExportSchema },
      401: { description: 'No valid token.' },
    },
    handler: async ({ req }) => ({
      status: 200,
      body: exportPersonalData(options.declaration, await options.collect(req)),
    }),
  });
}
