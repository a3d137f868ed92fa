import { z } from 'zod';

/*
 * The custom resources of Strimzi and the Keycloak operator, for the fields Relais uses. Written by hand
 * because no registry reached here serves their CRDs as files (crd-schemas.ts says where each was looked
 * for); the other operators' resources are validated against their published CRDs instead. Strict: a
 * field that is misspelt, or that nobody has checked against the operator's documentation, fails
 * validation instead of being ignored by the operator. Add a field here when a manifest needs it.
 * Strimzi's resources are first checked against Strimzi's own CRD (strimzi-schemas.ts), which lets
 * unknown fields through: for them, these schemas are what refuses a misspelt optional field.
 */

const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a DNS subdomain name');
const metadata = z.strictObject({
  name,
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const quantity = z.union([
  z.string().regex(/^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/, 'a quantity'),
  z.number(),
]);
const resources = z.strictObject({
  requests: z.record(z.enum(['cpu', 'memory']), quantity).optional(),
  limits: z.record(z.enum(['cpu', 'memory']), quantity).optional(),
});
const secretKey = z.strictObject({ name, key: z.string().min(1) });
const labelSelector = z.strictObject({ matchLabels: z.record(z.string(), z.string()) });

const strimzi = (kind: string, spec: z.ZodType) =>
  z.strictObject({
    apiVersion: z.literal('kafka.strimzi.io/v1'),
    kind: z.literal(kind),
    metadata,
    spec,
  });

const kafkaNodePool = strimzi(
  'KafkaNodePool',
  z.strictObject({
    replicas: z.int().min(0),
    roles: z.array(z.enum(['controller', 'broker'])).min(1),
    storage: z.strictObject({
      type: z.literal('jbod'),
      volumes: z
        .array(
          z.strictObject({
            id: z.int().min(0),
            type: z.enum(['ephemeral', 'persistent-claim']),
            size: quantity.optional(),
            class: z.string().optional(),
            deleteClaim: z.boolean().optional(),
            kraftMetadata: z.literal('shared').optional(),
          }),
        )
        .min(1),
    }),
    resources: resources.optional(),
    template: z
      .strictObject({
        pod: z.strictObject({
          affinity: z.strictObject({
            podAntiAffinity: z.strictObject({
              requiredDuringSchedulingIgnoredDuringExecution: z
                .array(z.strictObject({ topologyKey: z.string().min(1), labelSelector }))
                .min(1),
            }),
          }),
        }),
      })
      .optional(),
  }),
);

const kafka = strimzi(
  'Kafka',
  z.strictObject({
    kafka: z.strictObject({
      version: z.string().regex(/^4\.\d+\.\d+$/, 'a Kafka 4.x version (Strimzi 1.x supports no other)'),
      metadataVersion: z
        .string()
        .regex(/^\d+\.\d+-IV\d+$/)
        .optional(),
      rack: z.strictObject({ topologyKey: z.string().min(1) }).optional(),
      listeners: z
        .array(
          z.strictObject({
            name: z.string().regex(/^[a-z0-9]{1,11}$/),
            port: z.int().min(9092).max(65535),
            type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
            tls: z.boolean(),
            authentication: z
              .strictObject({ type: z.enum(['tls', 'scram-sha-512', 'oauth', 'custom']) })
              .optional(),
            networkPolicyPeers: z
              .array(
                z.strictObject({
                  podSelector: labelSelector.optional(),
                  namespaceSelector: labelSelector.optional(),
                }),
              )
              .optional(),
          }),
        )
        .min(1),
      authorization: z
        .strictObject({
          type: z.enum(['simple', 'opa', 'keycloak', 'custom']),
          superUsers: z.array(z.string()).optional(),
        })
        .optional(),
      config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      resources: resources.optional(),
      metricsConfig: z
        .strictObject({
          type: z.literal('jmxPrometheusExporter'),
          valueFrom: z.strictObject({ configMapKeyRef: secretKey }),
        })
        .optional(),
    }),
    entityOperator: z
      .strictObject({
        topicOperator: z.strictObject({ resources: resources.optional() }).optional(),
        userOperator: z.strictObject({ resources: resources.optional() }).optional(),
      })
      .optional(),
  }),
);

const kafkaTopic = strimzi(
  'KafkaTopic',
  z.strictObject({
    topicName: z.string().optional(),
    partitions: z.int().min(1),
    replicas: z.int().min(1).max(32767),
    config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
);

export const ACL_OPERATIONS = [
  'Read',
  'Write',
  'Create',
  'Delete',
  'Alter',
  'Describe',
  'ClusterAction',
  'AlterConfigs',
  'DescribeConfigs',
  'IdempotentWrite',
  'All',
] as const;

const kafkaAcl = z.strictObject({
  resource: z.strictObject({
    type: z.enum(['topic', 'group', 'cluster', 'transactionalId']),
    name: z.string().optional(),
    patternType: z.enum(['literal', 'prefix']).optional(),
  }),
  operations: z.array(z.enum(ACL_OPERATIONS)).min(1),
  type: z.enum(['allow', 'deny']).optional(),
  host: z.string().optional(),
});
export type KafkaAcl = z.infer<typeof kafkaAcl>;

const kafkaUser = strimzi(
  'KafkaUser',
  z.strictObject({
    authentication: z.strictObject({ type: z.enum(['tls', 'tls-external', 'scram-sha-512']) }),
    authorization: z.strictObject({ type: z.literal('simple'), acls: z.array(kafkaAcl) }).optional(),
  }),
);

const keycloak = z.strictObject({
  apiVersion: z.literal('k8s.keycloak.org/v2beta1'),
  kind: z.literal('Keycloak'),
  metadata,
  spec: z.strictObject({
    instances: z.int().min(1),
    image: z.string().min(1).optional(),
    startOptimized: z.boolean().optional(),
    db: z.strictObject({
      vendor: z.enum(['postgres', 'mariadb', 'mysql', 'mssql', 'oracle']),
      host: z.string().min(1),
      port: z.int().min(1).max(65535).optional(),
      database: z.string().min(1),
      usernameSecret: secretKey,
      passwordSecret: secretKey,
    }),
    http: z
      .strictObject({
        httpEnabled: z.boolean().optional(),
        tlsSecret: name.optional(),
        httpPort: z.int().optional(),
        httpsPort: z.int().optional(),
      })
      .optional(),
    proxy: z.strictObject({ headers: z.enum(['forwarded', 'xforwarded']) }).optional(),
    hostname: z
      .strictObject({
        hostname: z.url(),
        strict: z.boolean().optional(),
        admin: z.url().optional(),
        backchannelDynamic: z.boolean().optional(),
      })
      .optional(),
    ingress: z.strictObject({ enabled: z.boolean(), className: z.string().optional() }).optional(),
    bootstrapAdmin: z
      .strictObject({
        user: z.strictObject({ secret: name }).optional(),
        service: z.strictObject({ secret: name }).optional(),
      })
      .optional(),
    resources: resources.optional(),
  }),
});

const keycloakRealmImport = z.strictObject({
  apiVersion: z.literal('k8s.keycloak.org/v2beta1'),
  kind: z.literal('KeycloakRealmImport'),
  metadata,
  spec: z.strictObject({
    keycloakCRName: name,
    // A RealmRepresentation: Keycloak validates it on import; the policies check what matters here.
    realm: z.looseObject({ realm: z.string().min(1), enabled: z.boolean() }),
  }),
});

/** Schemas by `apiVersion kind`. */
export const OPERATOR_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map(
  [kafkaNodePool, kafka, kafkaTopic, kafkaUser, keycloak, keycloakRealmImport].map((schema) => {
    const shape = (schema as z.ZodObject).shape as { apiVersion: z.ZodLiteral; kind: z.ZodLiteral };
    return [`${String(shape.apiVersion.value)} ${String(shape.kind.value)}`, schema];
  }),
);
