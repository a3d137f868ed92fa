/** Thrown by publish() for an envelope that does not satisfy `envelopeSchema`: a programming error. */
export class InvalidEnvelopeError extends Error {
  override readonly name = 'InvalidEnvelopeError';
  constructor(
    readonly topic: string,
    readonly problems: readonly string[],
  ) {
    super(`Refusing to publish an invalid envelope to ${topic}: ${problems.join('; ')}`);
  }
}

/** Thrown by publish() and subscribe() once close() has been called. */
export class EventBusClosedError extends Error {
  override readonly name = 'EventBusClosedError';
  constructor() {
    super('The event bus is closed');
  }
}
