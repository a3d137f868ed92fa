// First: schemas created by any module below (and by services) must get `.openapi()`.
import './http/zod-openapi';

export { loadConfig } from './config/load-config';
export { ConfigError } from './config/config-error';
export type { ConfigProblem } from './config/config-error';
export { booleanFlag, commaSeparatedList, oneOf, portNumber, url } from './config/fields';

export { createLogger } from './logging/create-logger';
export type { LoggerOptions } from './logging/create-logger';
export { PERSONAL_FIELDS, withoutPersonalFields } from './logging/personal-fields';

export { Problem, PROBLEM_TYPE_BASE, isProblem, problemTypeUri } from './errors/problem';
export type { ProblemDocument, ProblemInit } from './errors/problem';
export {
  badRequest,
  conflict,
  forbidden,
  internalError,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
  unsupportedMediaType,
} from './errors/problem-factories';
export { RequestValidationError, validationProblem } from './errors/validation-problem';
export type { FieldError, RequestPart } from './errors/validation-problem';
export { PROBLEM_CONTENT_TYPE, createErrorHandler, sendProblem } from './errors/error-handler';
export { toProblem } from './errors/to-problem';
export { scrubMessage } from './errors/scrub';

export { ServiceApi } from './http/service-api';
export type {
  HandlerInput,
  HandlerResult,
  HttpMethod,
  RequestSchemas,
  ResponseSpec,
  ResponseSpecs,
  RouteDefinition,
} from './http/route-definition';
export type { OpenApiDocument, ServiceInfo } from './http/openapi-document';
export { problemSchema } from './http/problem-schema';
export { NOT_BLANK } from './http/text-rules';
export { createHttpApp } from './http/create-http-app';
export type { HttpAppOptions } from './http/create-http-app';
export { CORRELATION_ID_HEADER, correlationIdOf, currentCorrelationId } from './http/correlation-id';
export { UNMATCHED_ROUTE, routeTemplateOf } from './http/route-template';
export { checkReadiness } from './http/health';
export type { CheckOutcome, ReadinessCheck, ReadinessReport } from './http/health';
export { PROMETHEUS_TEXT_CONTENT_TYPE } from './http/metrics-endpoint';
export type { MetricsEndpoint } from './http/metrics-endpoint';

export { runUntilSignalled } from './lifecycle/run-until-signalled';
export type { RunUntilSignalledOptions, ShutdownStep } from './lifecycle/run-until-signalled';
export { withTimeout } from './lifecycle/with-timeout';

export { LEGAL_BASES } from './personal-data/legal-bases';
export type { LegalBasis } from './personal-data/legal-bases';
export { RETENTION } from './personal-data/retention';
export type { RetentionRule } from './personal-data/retention';
export { dayOf, retentionCutoff } from './personal-data/retention-cutoff';
export { retentionRuleOf } from './personal-data/retention-rule';
export { UndeclaredPersonalField, exportPersonalData } from './personal-data/personal-data-declaration';
export type {
  CollectedPersonalData,
  ExportedField,
  ExportedKind,
  PersonalDataDeclaration,
  PersonalDataExport,
  PersonalDataKind,
  PersonalField,
} from './personal-data/personal-data-declaration';
export { declareMyDataRoute, personalDataExportSchema } from './personal-data/my-data-route';
export type { MyDataRouteOptions } from './personal-data/my-data-route';
