import type { EventContract } from './contract';
import { coursePublished } from './enrollment/course-published';
import { courseUpdated } from './enrollment/course-updated';
import { enrollmentCreated } from './enrollment/enrollment-created';
import { enrollmentWithdrawn } from './enrollment/enrollment-withdrawn';
import { completionRecorded } from './enrollment/completion-recorded';
import { completionRevoked } from './enrollment/completion-revoked';
import { participationCounted } from './enrollment/participation-counted';
import { contributionCounted } from './feedback/contribution-counted';
import { firstReplyMeasured } from './feedback/first-reply-measured';

/** Every published contract. A contract listed here has a stored JSON Schema in libs/contracts/schemas. */
export const allContracts: readonly EventContract[] = [
  coursePublished,
  courseUpdated,
  enrollmentCreated,
  enrollmentWithdrawn,
  completionRecorded,
  completionRevoked,
  participationCounted,
  contributionCounted,
  firstReplyMeasured,
];

export function contractOf(type: string): EventContract | undefined {
  return allContracts.find((contract) => contract.type === type);
}
