import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { repositoryRoot } from './paths';
import type { KubernetesResource } from './resources';

/*
 * Strimzi's CRDs are on no registry reached here as YAML (crd-schemas.ts says where they were looked
 * for), but npm has them compiled: @kubernetes-models/strimzi-kafka-operator generates one ajv
 * validator per kind and version from the CRD bundles of Strimzi's releases. Its crd-generate input is
 * the bundles of 0.49.0 then 1.0.0, and a later definition of a kind and version replaces an earlier
 * one: `kafka.strimzi.io/v1` is Strimzi 1.0.0's (v1beta2, which 1.0.0 dropped, is 0.49.0's).
 * Those validators check types, enums, patterns, bounds and required fields as the CRD states them, but
 * let unknown fields through: Strimzi's schemas set no additionalProperties (the API server's strict
 * field validation refuses such fields, a JSON Schema validator does not), and the validators are
 * compiled, so they cannot be made strict here. operator-schemas.ts refuses the unknown fields.
 */

const PACKAGE = '@kubernetes-models/strimzi-kafka-operator';
const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';

const packageVersion = (): string =>
  (
    JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies[PACKAGE] ?? 'unknown';

/** Where the Strimzi schemas come from, as error messages name it. */
export const strimziSchemaOrigin = (): string => `${PACKAGE}@${packageVersion()}, Strimzi 1.0.0 CRDs`;

interface StrimziModel {
  validate(): void;
}

async function strimziModel(
  resource: KubernetesResource,
): Promise<(new (data: unknown) => StrimziModel) | undefined> {
  if (resource.apiVersion !== STRIMZI_API_VERSION || !/^[A-Za-z0-9]+$/.test(resource.kind)) return undefined;
  try {
    const module = (await import(`${PACKAGE}/${STRIMZI_API_VERSION}/${resource.kind}`)) as Record<
      string,
      new (data: unknown) => StrimziModel
    >;
    return module[resource.kind];
  } catch {
    return undefined;
  }
}

/**
 * What Strimzi's CRD finds wrong in the resource (empty when nothing), or undefined when the resource is
 * no Strimzi `kafka.strimzi.io/v1` kind.
 */
export async function strimziSchemaErrors(resource: KubernetesResource): Promise<ErrorObject[] | undefined> {
  const Model = await strimziModel(resource);
  if (!Model) return undefined;
  try {
    new Model(resource).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: ErrorObject[] }).errors;
    if (!errors) throw error;
    return errors;
  }
}
