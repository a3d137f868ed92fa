import { InMemoryEventBus } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import {
  FactIngestion,
  factSubscriptions,
  InMemoryTallyStore,
  StatsQueries,
  type PublicationCalendar,
  type TallyStore,
} from '../../src/index';
import { everyTestPeriodPublished } from './facts';

export interface StatsOnBus {
  bus: InMemoryEventBus;
  tallies: TallyStore;
  queries: StatsQueries;
  /** Publishes facts as the services' outbox relays would, and waits until stats has read them. */
  publish(events: readonly PendingEvent[]): Promise<void>;
}

/** Stats' consumers and queries on an in-memory bus, without HTTP: for table and pipeline tests. */
export async function statsOnBus(
  options: {
    minimumCount?: number;
    tallies?: TallyStore;
    bus?: InMemoryEventBus;
    publication?: PublicationCalendar;
  } = {},
): Promise<StatsOnBus> {
  const bus = options.bus ?? new InMemoryEventBus();
  const tallies = options.tallies ?? new InMemoryTallyStore();
  const ingestion = new FactIngestion(tallies, () => tallies.activeGeneration());
  for (const subscription of factSubscriptions(ingestion)) await bus.subscribe(subscription);
  return {
    bus,
    tallies,
    queries: new StatsQueries(
      tallies,
      { minimumCount: options.minimumCount ?? 11 },
      options.publication ?? everyTestPeriodPublished,
    ),
    async publish(events) {
      for (const event of events)
        await bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
      await bus.idle();
    },
  };
}
