export { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './local-cluster';
export { serviceProcesses, type ServiceProcess } from './service-processes';
export { localServiceEnv } from './local-service-env';
