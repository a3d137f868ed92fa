import type { ErrorObject } from 'ajv';
import { crdSchemas } from './crd-schemas';
import { OPERATOR_SCHEMAS } from './operator-schemas';
import { resourceId, type KubernetesResource } from './resources';
import { strimziSchemaErrors, strimziSchemaOrigin } from './strimzi-schemas';

interface ValidatableModel {
  validate(): void;
}
type ModelClass = new (data: unknown) => ValidatableModel;

/**
 * The Kubernetes OpenAPI schemas as compiled by the `kubernetes-models` package: one module per kind,
 * `kubernetes-models/<group>/<version>/<Kind>` (`v1/<Kind>` for the core group).
 */
async function kubernetesModel(resource: KubernetesResource): Promise<ModelClass | undefined> {
  try {
    const module = (await import(`kubernetes-models/${resource.apiVersion}/${resource.kind}`)) as Record<
      string,
      ModelClass
    >;
    return module[resource.kind];
  } catch {
    return undefined;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const detail = params.additionalProperty
    ? ` (${params.additionalProperty})`
    : params.allowedValues
      ? ` (${params.allowedValues.join(', ')})`
      : '';
  return `${where}: ${error.message ?? error.keyword}${detail}`;
}

/**
 * Validates every resource against its schema and answers what is wrong, one line per resource: the
 * operator's published CRD where one is pinned (crd-schemas.ts), else Strimzi's CRD as compiled by its
 * npm package (strimzi-schemas.ts) and, when that passes, the hand-written schema of operator-schemas.ts
 * that also refuses unknown fields, else Kubernetes' own. A resource whose apiVersion and kind have no
 * schema at all is an error too: nothing goes unchecked.
 */
export async function schemaViolations(resources: readonly KubernetesResource[]): Promise<string[]> {
  const violations: string[] = [];
  for (const resource of resources) {
    const crd = crdSchemas().get(`${resource.apiVersion} ${resource.kind}`);
    if (crd) {
      const validate = crd.validatorFor(resource);
      if (!validate(resource)) {
        const issues = [...new Set((validate.errors ?? []).map(describe))];
        violations.push(
          `${resourceId(resource)} does not match its CRD schema (${crd.origin}): ${issues.join('; ')}`,
        );
      }
      continue;
    }
    const strimziErrors = await strimziSchemaErrors(resource);
    if (strimziErrors?.length) {
      const issues = [...new Set(strimziErrors.map(describe))];
      violations.push(
        `${resourceId(resource)} does not match its CRD schema (${strimziSchemaOrigin()}): ${issues.join('; ')}`,
      );
      continue;
    }
    const operatorSchema = OPERATOR_SCHEMAS.get(`${resource.apiVersion} ${resource.kind}`);
    if (operatorSchema) {
      const result = operatorSchema.safeParse(resource);
      if (!result.success) {
        const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        violations.push(
          `${resourceId(resource)} does not match its hand-written schema (operator-schemas.ts): ${issues.join('; ')}`,
        );
      }
      continue;
    }
    const Model = await kubernetesModel(resource);
    if (!Model) {
      violations.push(`${resourceId(resource)}: no schema for ${resource.apiVersion} ${resource.kind}`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      violations.push(
        `${resourceId(resource)} does not match the Kubernetes schema: ${(error as Error).message}`,
      );
    }
  }
  return violations;
}
