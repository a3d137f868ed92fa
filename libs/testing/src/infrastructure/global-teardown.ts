import { takeFromSetup } from './teardown-handoff';

/** Jest globalTeardown of the integration project: stops only what globalSetup itself started. */
export default async function globalTeardown(): Promise<void> {
  await takeFromSetup()?.release();
}
