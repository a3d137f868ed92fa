import type { BusLogger } from '../bus-logger';
import type { DeliveredEnvelope, EventBus, EventHandler, OutgoingMessage, Subscription } from '../event-bus';
import type { PersonSealer } from './person-sealer';

/**
 * Any bus, with the places of events that name people sealed on the wire (ADR 0033): the in-memory
 * bus of the standalone and Kafka alike, so that both keep only sealed copies and behave the same.
 * Publishers and handlers see plain data; what cannot be opened any more (its person erased) is
 * acknowledged and skipped, counted in one log line, never dead-lettered: there is nothing wrong with
 * it, and nothing to read in it.
 */
export class SealingEventBus implements EventBus {
  constructor(
    private readonly inner: EventBus,
    private readonly sealer: PersonSealer,
    private readonly logger: BusLogger,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const sealed = await this.sealer.sealMessages(messages);
    if (sealed.length < messages.length) {
      this.logger.info(
        { topic, left: messages.length - sealed.length },
        'events naming only a person under erasure were not published',
      );
    }
    if (sealed.length > 0) await this.inner.publish(topic, sealed);
  }

  subscribe(subscription: Subscription): Promise<void> {
    const { handlers, batchHandler, ...rest } = subscription;
    return this.inner.subscribe({
      ...rest,
      handlers: Object.fromEntries(
        Object.entries(handlers).map(([type, handler]) => [
          type,
          this.opening(subscription.groupId, handler),
        ]),
      ),
      ...(batchHandler
        ? {
            batchHandler: async (items: readonly DeliveredEnvelope[]) => {
              const opened = await this.sealer.openEnvelopes(items.map((item) => item.envelope));
              const readable = items.flatMap((item, index) => {
                const envelope = opened[index];
                return envelope ? [{ ...item, envelope }] : [];
              });
              this.reportUnreadable(subscription.groupId, items.length - readable.length);
              if (readable.length > 0) await batchHandler(readable);
            },
          }
        : {}),
    });
  }

  ready(): Promise<void> {
    return this.inner.ready();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private opening(groupId: string, handler: EventHandler): EventHandler {
    return async (envelope, delivery) => {
      const [opened] = await this.sealer.openEnvelopes([envelope]);
      if (!opened) {
        this.reportUnreadable(groupId, 1);
        return;
      }
      await handler(opened, delivery);
    };
  }

  private reportUnreadable(groupId: string, skipped: number): void {
    if (skipped > 0) {
      this.logger.info({ groupId, skipped }, 'events of an erased person skipped: their key is destroyed');
    }
  }
}
