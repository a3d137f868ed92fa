import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/*
 * The operators' own CustomResourceDefinitions, as their releases publish them, for the custom
 * resources the manifests declare. They come from the Go module proxy, pinned by version and by the
 * module's h1 checksum (which `go mod download` also checks against the checksum database), and are
 * kept in the Go module cache: nothing fetched is committed. The first run on a machine downloads
 * about 15 MB; later runs read the cache.
 *
 * Not from here: Strimzi's CRDs (Strimzi is not a Go module: the proxy answers 403; its Maven artefact
 * io.strimzi:api has the Java model, not the CRDs, and Strimzi 1.x is not on Maven Central: npm has
 * them compiled, see strimzi-schemas.ts) and the Keycloak operator's (Java, not published as CRD files
 * on any registry reached here, which keeps the hand-written schemas of operator-schemas.ts).
 */

export interface CrdSource {
  module: string;
  version: string;
  /** The module zip's h1: hash, as in a go.sum line. */
  sum: string;
  /** CRD files inside the module; Helm template lines ({{ … }}) around the YAML are dropped. */
  files: readonly string[];
}

/** The Gateway API release that Envoy Gateway 1.7 implements (its go.mod), and Envoy Gateway's policies. */
export const CRD_SOURCES: readonly CrdSource[] = [
  {
    module: 'github.com/percona/percona-server-mongodb-operator',
    version: 'v1.22.0',
    sum: 'h1:7iLJkmwa6AHSDTSY9q+g6/E53KrMF8p4uc/2NHrcN2g=',
    files: ['deploy/crd.yaml'],
  },
  {
    module: 'sigs.k8s.io/gateway-api',
    version: 'v1.4.1',
    sum: 'h1:NPxFutNkKNa8UfLd2CMlEuhIPMQgDQ6DXNKG9sHbJU8=',
    files: [
      'config/crd/standard/gateway.networking.k8s.io_gateways.yaml',
      'config/crd/standard/gateway.networking.k8s.io_httproutes.yaml',
    ],
  },
  {
    module: 'github.com/envoyproxy/gateway',
    version: 'v1.7.0',
    sum: 'h1:noVz4fADhljSKpQFaspb25+C3kC8bBBisQZle9W0ei4=',
    files: [
      'charts/gateway-crds-helm/templates/generated/gateway.envoyproxy.io_backendtrafficpolicies.yaml',
      'charts/gateway-crds-helm/templates/generated/gateway.envoyproxy.io_clienttrafficpolicies.yaml',
      'charts/gateway-crds-helm/templates/generated/gateway.envoyproxy.io_envoyproxies.yaml',
    ],
  },
];

type Schema = Record<string, unknown>;

export interface CustomResourceDefinition {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema?: { openAPIV3Schema?: Schema } }[];
  };
}

export interface CrdSchema {
  /** Where it came from: `module@version file`. */
  origin: string;
  /** A validator for this resource: the schema cut down to the fields the resource has (see pruned). */
  validatorFor(resource: unknown): ValidateFunction;
}

/** The module's folder in the Go module cache, downloaded when missing; its checksum must be the pinned one. */
export function moduleDirectory(source: CrdSource): string {
  let output: string;
  try {
    output = execFileSync('go', ['mod', 'download', '-json', `${source.module}@${source.version}`], {
      // Outside any go.mod: the download must not depend on, or touch, a module of this repository.
      cwd: tmpdir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(
      `go mod download ${source.module}@${source.version} failed (needs Go and the Go module proxy):\n${stderr}`,
    );
  }
  const { Dir, Sum } = JSON.parse(output) as { Dir: string; Sum: string };
  if (Sum !== source.sum)
    throw new Error(`${source.module}@${source.version} has checksum ${Sum}, not the pinned ${source.sum}`);
  return Dir;
}

/**
 * A CRD schema made as strict as the API server's strict field validation (kubectl's default since
 * Kubernetes 1.27): an object that lists its properties rejects any other, unless the schema keeps
 * unknown fields (x-kubernetes-preserve-unknown-fields) or says what they are (additionalProperties).
 */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = strict(value);
  if (
    copy['properties'] &&
    copy['additionalProperties'] === undefined &&
    copy['x-kubernetes-preserve-unknown-fields'] !== true
  )
    copy['additionalProperties'] = false;
  return copy;
}

/** The object metadata of a custom resource: the API server checks it as for any object. */
const OBJECT_META: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['name'],
  additionalProperties: false,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The schema with the subschemas of the fields that none of the instances has replaced by `true`. It
 * judges those instances exactly as the whole schema does (an absent field is never validated, and a
 * field that no schema lists is still refused: it stays out of `properties`), but compiles in
 * milliseconds rather than the tens of seconds that the operators' largest CRDs take, whose pod
 * templates repeat for every component.
 */
function pruned(schema: unknown, instances: readonly unknown[]): unknown {
  if (!isObject(schema)) return schema;
  const copy: Schema = { ...schema };
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) copy[keyword] = branches.map((branch) => pruned(branch, instances));
  }
  const objects = instances.filter(isObject);
  if (isObject(schema['properties'])) {
    copy['properties'] = Object.fromEntries(
      Object.entries(schema['properties']).map(([name, subschema]) => {
        const values = objects.filter((object) => name in object).map((object) => object[name]);
        return [name, values.length > 0 ? pruned(subschema, values) : true];
      }),
    );
  }
  if (isObject(schema['additionalProperties'])) {
    const listed = new Set(Object.keys(isObject(schema['properties']) ? schema['properties'] : {}));
    const values = objects.flatMap((object) =>
      Object.entries(object)
        .filter(([name]) => !listed.has(name))
        .map(([, value]) => value),
    );
    copy['additionalProperties'] = pruned(schema['additionalProperties'], values);
  }
  if (schema['items'] !== undefined) {
    copy['items'] = pruned(
      schema['items'],
      instances.filter(Array.isArray).flatMap((array: unknown[]) => array),
    );
  }
  return copy;
}

/**
 * The CRDs of a file, parsed once per machine and kept as JSON beside the other tools' caches: the
 * YAML of the largest takes seconds to parse, and the module it comes from never changes (its
 * version and checksum are pinned).
 */
function customResourceDefinitions(source: CrdSource, file: string): CustomResourceDefinition[] {
  const cache = join(
    process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'),
    'relais-tools',
    'crds',
    `${source.module.replaceAll('/', '_')}@${source.version}`,
  );
  const cached = join(cache, `${file.replaceAll('/', '_')}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as CustomResourceDefinition[];
  const text = readFileSync(join(moduleDirectory(source), file), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('{{'))
    .join('\n');
  const crds = parseAllDocuments(text)
    .map((document) => document.toJS() as CustomResourceDefinition | null)
    .filter((crd): crd is CustomResourceDefinition => crd?.kind === 'CustomResourceDefinition');
  mkdirSync(cache, { recursive: true });
  const staging = `${cached}.${process.pid}`;
  writeFileSync(staging, JSON.stringify(crds));
  renameSync(staging, cached);
  return crds;
}

/** Validators of every served version of the CRDs, by `apiVersion kind`. */
export function crdValidators(
  crds: readonly CustomResourceDefinition[],
  origin: string,
): Map<string, CrdSchema> {
  // OpenAPI schemas use Kubernetes' keywords (x-kubernetes-*) and formats (int32, quantity…) that a
  // JSON Schema validator does not know: the keywords are ignored, the formats not checked.
  // Kubernetes' patterns are RE2, closer to JavaScript's non-Unicode regular expressions.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const found = new Map<string, CrdSchema>();
  for (const crd of crds) {
    for (const version of crd.spec.versions) {
      const openApi = version.schema?.openAPIV3Schema;
      if (!version.served || !openApi) continue;
      const schema = strict(openApi) as Schema;
      schema['properties'] = {
        ...(schema['properties'] as Schema),
        apiVersion: { const: `${crd.spec.group}/${version.name}` },
        kind: { const: crd.spec.names.kind },
        metadata: OBJECT_META,
      };
      schema['required'] = [
        ...new Set([...((schema['required'] as string[] | undefined) ?? []), 'apiVersion', 'kind']),
      ];
      found.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, {
        origin,
        validatorFor: (resource) => ajv.compile(pruned(schema, [resource]) as Schema),
      });
    }
  }
  return found;
}

let schemas: Map<string, CrdSchema> | undefined;

/**
 * Every custom resource kind of the pinned CRDs, by `apiVersion kind`, with a validator of its
 * openAPIV3Schema. Kubernetes' CEL rules (x-kubernetes-validations) are not evaluated here: the
 * structural schema (types, enums, patterns, required and unknown fields, bounds) is.
 */
export function crdSchemas(): ReadonlyMap<string, CrdSchema> {
  if (schemas) return schemas;
  const found = new Map<string, CrdSchema>();
  for (const source of CRD_SOURCES) {
    // Always asked, cache or not: a changed pin or checksum must fail here, not pass on an old cache.
    moduleDirectory(source);
    for (const file of source.files)
      for (const [key, schema] of crdValidators(
        customResourceDefinitions(source, file),
        `${source.module}@${source.version} ${file}`,
      ))
        found.set(key, schema);
  }
  schemas = found;
  return found;
}
