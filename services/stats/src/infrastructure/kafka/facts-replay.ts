import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import { liveFactsTopics, type FactsTopics } from '../../application/facts-topics';
import { factGroupsOf } from './fact-subscriptions';

/** Where each partition of the facts topics ends now: a replay is complete once it got there. */
export interface FactsEnd {
  ends: Map<string, number>;
  /** Facts the topics hold now (what retention kept), for a progress bar. */
  total: number;
}

/**
 * What a rebuild asks Kafka: whether the live consumers run, where the facts topics end, and when a
 * replaying group has committed up to there. Each topic is read by its own group (factGroupsOf).
 */
export class KafkaFactsReplay {
  constructor(
    private readonly admin: Admin,
    private readonly factsTopics: FactsTopics = liveFactsTopics,
    private readonly pollIntervalMs = 500,
  ) {}

  async hasMembers(groupPrefix: string): Promise<boolean> {
    const { groups } = await this.admin.describeGroups(Object.values(factGroupsOf(groupPrefix)));
    return groups.some((group) => group.members.length > 0);
  }

  async endNow(): Promise<FactsEnd> {
    const ends = new Map<string, number>();
    let total = 0;
    for (const topic of Object.values(this.factsTopics)) {
      for (const partition of await this.admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${partition.partition}`, Number(partition.high));
        total += Number(partition.high) - Number(partition.low);
      }
    }
    return { ends, total };
  }

  /** Resolves once the groups under the prefix have committed every partition up to its end. */
  async untilCommitted(groupPrefix: string, { ends }: FactsEnd): Promise<void> {
    while (!(await this.caughtUp(groupPrefix, ends))) await sleep(this.pollIntervalMs);
  }

  async forget(groupPrefix: string): Promise<void> {
    await this.admin.deleteGroups(Object.values(factGroupsOf(groupPrefix)));
  }

  private async caughtUp(groupPrefix: string, ends: Map<string, number>): Promise<boolean> {
    const groups = factGroupsOf(groupPrefix);
    const readers = [
      { groupId: groups.enrollmentFacts, topic: this.factsTopics.enrollmentFacts },
      { groupId: groups.feedbackFacts, topic: this.factsTopics.feedbackFacts },
    ];
    for (const { groupId, topic } of readers) {
      const [committed] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
      for (const { partition, offset } of committed?.partitions ?? []) {
        const end = ends.get(`${topic}/${partition}`) ?? 0;
        // A partition the group never committed (offset -1) is behind unless it is empty.
        if (end > 0 && Number(offset) < end) return false;
      }
    }
    return true;
  }
}
