import { isEventContract, type EventContract } from './contract';
import * as events from './events';

/**
 * Every published contract: whatever ./events exports that defineEvent made. A contract listed here
 * has a stored JSON Schema in libs/contracts/schemas (a test fails until `npm run contracts:schemas`).
 */
export const allContracts: readonly EventContract[] = Object.values<unknown>(events).filter(isEventContract);
