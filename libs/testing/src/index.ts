export * from './tokens';
export * from './relais-client';
export { runSkeletonFlow } from './scenarios/skeleton-flow';
export { runCourseLife } from './scenarios/course-life';
export { runNotificationsFlow, type ReceivedMail } from './scenarios/notifications-flow';
export {
  runErasureFlow,
  type ErasedPerson,
  type ErasureFlowOptions,
  type ErasureFlowOutcome,
} from './scenarios/erasure-flow';
export type { ScenarioOptions } from './scenarios/published-stats';
export { startServiceHarness, type ServiceHarness } from './harness/service-harness';
export { freePort } from '@relais/host';
export { publishCourseWithMembers, publishWithdrawal, demoNameOf } from './harness/enrollment-events';
export { cuttableLinkTo, toxiproxyUrl, type CuttableLink } from './faults/toxiproxy';
export { startDisposableKafka, type DisposableKafka } from './faults/disposable-kafka';
export { parseTopicsFile } from './infrastructure/topics-file';
export { topicsFilePath } from './infrastructure/repository-paths';
export { exportMentions, gapsInExport, unclassifiedStoredFields } from './personal-data/personal-data-checks';
export { searchKafka, searchLines, searchMongo, type Hit } from './personal-data/search-everywhere';
export { keycloakAdmin, type KeycloakAdmin, type NewTeacher } from './identity/keycloak-admin';
