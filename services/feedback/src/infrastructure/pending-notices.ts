import { allContracts, type PendingEvent } from '@relais/contracts';

/**
 * The event types that refer to a person (`personal-reference`: an item's sealed author, a message's
 * recipient, the item a reply or a status is about), read from the contracts so that a new notice is
 * covered without a list to keep. Facts (`anonymous`) name no one.
 */
const noticeTypes: ReadonlySet<string> = new Set(
  allContracts
    .filter((contract) => contract.classification === 'personal-reference')
    .map((contract) => contract.type),
);

/**
 * Whether a pending event is a notice: it refers to a person (an item's sealed author, the author a
 * reply or a status is for, a message's recipient), where a fact names no one.
 */
export const isNotice = (event: PendingEvent): boolean => noticeTypes.has(event.envelope.type);

/**
 * Whether a pending event is a notice saved before `day` (YYYY-MM-DD, excluded): past the schedule's
 * `pendingDelivery`, which only a relay failing that long leaves behind. A notice that late tells
 * its reader nothing useful and still carries a person. Facts stay, however late: they name no one,
 * and stats counts a late fact in the month it arrives (ADR 0014). A notice's `occurredAt` is the time
 * of the save, which compares with a day as text.
 */
export const isNoticePendingBefore = (event: PendingEvent, day: string): boolean =>
  isNotice(event) && event.envelope.occurredAt < day;
