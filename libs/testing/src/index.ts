export * from './tokens';
export * from './relais-client';
export { runSkeletonFlow } from './scenarios/skeleton-flow';
