import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const k8sDirectory = fileURLToPath(new URL('../../k8s/', import.meta.url));
export const fixturesDirectory = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const OVERLAYS = ['dev', 'prod'] as const;
export const SERVICES = ['enrollment', 'progress', 'feedback', 'stats', 'notifications'] as const;
export type Service = (typeof SERVICES)[number];
