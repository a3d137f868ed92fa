export type { BackgroundJob, PersonEraser, ServiceModule } from './service-module';
export { erasedPeopleOf, erasureSubscription, type PersonKeys } from './erasure-subscription';
export { periodicJob, type PeriodicJob } from './periodic-job';
export {
  defaultRetentionIntervalMs,
  errorNameOf,
  retentionJob,
  type RetentionJobLog,
  type RetentionJobOptions,
} from './retention-job';
export { startServiceHost, type RunningHost, type ServiceHostOptions } from './service-host';
export { runProductionService, type ProductionInfrastructure } from './production-service';
export { productionHealthChecks, type ProductionDependencies } from './production-health';
export { monitorDependencies, type DependencyMonitor } from './dependency-monitor';
export { loadProductionConfig, productionConfigSchema, type ProductionConfig } from './production-config';
export { freePort } from './free-port';
export {
  ERASURE_TOPIC,
  handlesPersonalEvents,
  serviceEntry,
  serviceNames,
  servicesThatErase,
  services,
  type ServiceEntry,
  type ServiceName,
} from './service-registry';
