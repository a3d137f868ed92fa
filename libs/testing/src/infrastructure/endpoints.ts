/** Where the integration tests find their infrastructure; exported to them as environment variables. */
export interface InfrastructureEndpoints {
  /** Comma-separated `host:port` list. */
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  /** Keycloak's base URL, without `/realms/...`. */
  readonly keycloakUrl: string;
  /** Only the native provisioner (or a developer) provides one; fault tests need it. */
  readonly toxiproxyUrl?: string;
  /** Mailpit's HTTP API and its SMTP `host:port`: the notifications' mail tests read what it received. */
  readonly mailpit?: { readonly url: string; readonly smtp: string };
}

export const requiredEndpointVariables = ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL'] as const;
export const optionalEndpointVariables = ['TOXIPROXY_URL', 'MAILPIT_URL', 'MAILPIT_SMTP'] as const;

type EndpointVariable =
  (typeof requiredEndpointVariables)[number] | (typeof optionalEndpointVariables)[number];
type Environment = Readonly<Record<string, string | undefined>>;

export type EndpointsInEnvironment =
  | { readonly kind: 'complete'; readonly endpoints: InfrastructureEndpoints }
  | { readonly kind: 'absent' }
  | { readonly kind: 'partial'; readonly present: readonly string[]; readonly missing: readonly string[] };

const valueOf = (environment: Environment, name: EndpointVariable): string | undefined => {
  const value = environment[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** Reads the endpoint variables: all three required ones, none, or (a mistake) only some. */
export function endpointsFromEnvironment(environment: Environment): EndpointsInEnvironment {
  const present = requiredEndpointVariables.filter((name) => valueOf(environment, name) !== undefined);
  if (present.length === 0) return { kind: 'absent' };
  if (present.length < requiredEndpointVariables.length) {
    const missing = requiredEndpointVariables.filter((name) => !present.includes(name));
    return { kind: 'partial', present, missing };
  }
  const toxiproxyUrl = valueOf(environment, 'TOXIPROXY_URL');
  const mailpit = mailpitOf(valueOf(environment, 'MAILPIT_URL'), valueOf(environment, 'MAILPIT_SMTP'));
  return {
    kind: 'complete',
    endpoints: {
      kafkaBrokers: valueOf(environment, 'KAFKA_BROKERS') as string,
      mongoUrl: valueOf(environment, 'MONGO_URL') as string,
      keycloakUrl: valueOf(environment, 'KEYCLOAK_URL') as string,
      ...(toxiproxyUrl === undefined ? {} : { toxiproxyUrl }),
      ...(mailpit === undefined ? {} : { mailpit }),
    },
  };
}

/** Both halves of Mailpit or none: an API without its SMTP port (or the reverse) is of no use. */
export function mailpitOf(
  url: string | undefined,
  smtp: string | undefined,
): InfrastructureEndpoints['mailpit'] | undefined {
  return url === undefined || smtp === undefined ? undefined : { url, smtp };
}

/** Sets the endpoint variables, for the test workers that jest starts after its global setup. */
export function exportEndpoints(endpoints: InfrastructureEndpoints, environment: NodeJS.ProcessEnv): void {
  environment.KAFKA_BROKERS = endpoints.kafkaBrokers;
  environment.MONGO_URL = endpoints.mongoUrl;
  environment.KEYCLOAK_URL = endpoints.keycloakUrl;
  if (endpoints.toxiproxyUrl !== undefined) environment.TOXIPROXY_URL = endpoints.toxiproxyUrl;
  if (endpoints.mailpit !== undefined) {
    environment.MAILPIT_URL = endpoints.mailpit.url;
    environment.MAILPIT_SMTP = endpoints.mailpit.smtp;
  }
}

/** Parses `export NAME=value` lines, as `scripts/infra/infra env` prints them. */
export function parseExportLines(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*export\s+([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) variables[match[1] as string] = (match[2] as string).trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return variables;
}

/** Endpoints for a log line: credentials in URLs (user:password@) are never printed. */
export function describeEndpoints(endpoints: InfrastructureEndpoints): string {
  const parts = [
    `Kafka ${withoutCredentials(endpoints.kafkaBrokers)}`,
    `MongoDB ${withoutCredentials(endpoints.mongoUrl)}`,
    `Keycloak ${withoutCredentials(endpoints.keycloakUrl)}`,
  ];
  if (endpoints.toxiproxyUrl !== undefined)
    parts.push(`Toxiproxy ${withoutCredentials(endpoints.toxiproxyUrl)}`);
  if (endpoints.mailpit !== undefined) parts.push(`Mailpit ${withoutCredentials(endpoints.mailpit.url)}`);
  return parts.join(', ');
}

function withoutCredentials(value: string): string {
  return value.replace(/\/\/[^/@\s]*@/g, '//***@');
}
