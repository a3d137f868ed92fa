/**
 * Errors that say the database is out of reach, not that this write is wrong: a consumer retries them
 * without limit rather than dead-lettering good events (the bus's `isTransient`). Matched by name,
 * because mongoose's own errors (MongooseServerSelectionError, "buffering timed out") are not
 * instances of the driver's MongoError classes, and a cause chain may wrap either.
 */
const OUTAGE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoOperationTimeoutError',
]);
const OUTAGE_LABELS = ['RetryableWriteError', 'ResetPool'];
const DEEPEST_CAUSE = 5;

export function isMongoOutage(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < DEEPEST_CAUSE; depth++) {
    if (OUTAGE_ERRORS.has(current.name)) return true;
    if (current.name === 'MongooseError' && current.message.includes('buffering timed out')) return true;
    const labelled = current as { hasErrorLabel?: (label: string) => boolean };
    if (OUTAGE_LABELS.some((label) => labelled.hasErrorLabel?.(label) === true)) return true;
    current = current.cause;
  }
  return false;
}
