import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const k8sDirectory = fileURLToPath(new URL('../../k8s/', import.meta.url));
export const fixturesDirectory = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const OVERLAYS = ['dev', 'prod'] as const;
export { serviceNames as SERVICES, type ServiceName as Service } from '@relais/host/registry';
