import type { ResolvedInfrastructure } from './resolve';

/**
 * Jest runs globalSetup and globalTeardown in the same process, and documents globalThis as the way
 * to hand values from one to the other; a symbol keeps the slot private to these two modules.
 */
const slot = Symbol.for('relais.testing.resolvedInfrastructure');

type Holder = { [slot]?: ResolvedInfrastructure };

export function handToTeardown(infrastructure: ResolvedInfrastructure): void {
  (globalThis as Holder)[slot] = infrastructure;
}

export function takeFromSetup(): ResolvedInfrastructure | undefined {
  const holder = globalThis as Holder;
  const infrastructure = holder[slot];
  delete holder[slot];
  return infrastructure;
}
