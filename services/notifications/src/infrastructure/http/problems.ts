import { Problem } from '@relais/platform';
import { NoticeNotFound, UnsubscribeLinkInvalid } from '../../application/notification-use-cases';

/** Use-case outcomes as problems; anything unknown is rethrown for the platform's 500 handler. */
export function toProblem(error: unknown): unknown {
  if (error instanceof NoticeNotFound) {
    return new Problem({ status: 404, code: 'NOTIFICATION_NOT_FOUND', detail: error.message });
  }
  if (error instanceof UnsubscribeLinkInvalid) {
    return new Problem({ status: 404, code: 'UNSUBSCRIBE_LINK_INVALID', detail: error.message });
  }
  return error;
}
