export * from './tokens';
export * from './relais-client';
export { runSkeletonFlow } from './scenarios/skeleton-flow';
export { runCourseLife } from './scenarios/course-life';
export { startServiceHarness, type ServiceHarness } from './harness/service-harness';
export { freePort } from './harness/free-port';
export { publishCourseWithMembers, publishWithdrawal, demoNameOf } from './harness/enrollment-events';
export { cuttableLinkTo, toxiproxyUrl, type CuttableLink } from './faults/toxiproxy';
export { startDisposableKafka, type DisposableKafka } from './faults/disposable-kafka';
