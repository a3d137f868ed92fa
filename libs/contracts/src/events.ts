/**
 * Every published contract, one export line per contract file: the registry, the topic list, the
 * stored schemas and the Kafka topics are derived from what this module exports (docs/adding-an-event.md).
 */
export { coursePublished, courseSnapshot } from './enrollment/course-published';
export { courseUpdated } from './enrollment/course-updated';
export { enrollmentCreated } from './enrollment/enrollment-created';
export { enrollmentWithdrawn } from './enrollment/enrollment-withdrawn';
export { completionRecorded } from './enrollment/completion-recorded';
export { completionRevoked } from './enrollment/completion-revoked';
export { participationCounted, countingCell } from './enrollment/participation-counted';
export { contributionCounted } from './feedback/contribution-counted';
export { firstReplyMeasured } from './feedback/first-reply-measured';
export { feedbackItemPosted } from './feedback/item-posted';
export { feedbackReplyPosted } from './feedback/reply-posted';
export { feedbackStatusChanged } from './feedback/status-changed';
export { feedbackMessageSent } from './feedback/message-sent';
export { feedbackCategory, intensityBand, respondentCell } from './feedback/feedback-dimensions';
export { personErased } from './identity/person-erased';
