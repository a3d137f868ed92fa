import { AssignerProtocol, type Assignment, type PartitionAssigner } from 'kafkajs';

const NAME = 'RelaisSubscriptionAwareRoundRobin';
const VERSION = 0;

/**
 * kafkajs's round-robin assigner hands every partition of every topic the group reads to any member,
 * whatever that member subscribed to. A service with two subscriptions in one group (stats reads both
 * facts topics as `stats`) thus has feedback partitions assigned to its enrollment consumer, which
 * ignores them ("received unsubscribed topics"): those facts are never processed. This assigner gives
 * each topic's partitions, round robin, only to the members that subscribed to that topic. Written
 * here because kafkajs ships no other assigner; offered before kafkajs's own, so that a group still
 * forms during a rolling upgrade (the coordinator picks a protocol every member supports).
 */
export const subscriptionAwareAssigner: PartitionAssigner = ({ cluster }) => ({
  name: NAME,
  version: VERSION,
  async assign({ members }) {
    const subscribers = new Map<string, string[]>();
    for (const { memberId, memberMetadata } of members) {
      for (const topic of AssignerProtocol.MemberMetadata.decode(memberMetadata)?.topics ?? []) {
        subscribers.set(topic, [...(subscribers.get(topic) ?? []), memberId]);
      }
    }
    const assignments = new Map<string, Assignment>(members.map(({ memberId }) => [memberId, {}]));
    for (const [topic, memberIds] of subscribers) {
      const sorted = [...memberIds].sort();
      cluster.findTopicPartitionMetadata(topic).forEach(({ partitionId }, index) => {
        const assignment = assignments.get(sorted[index % sorted.length] ?? '');
        if (assignment) assignment[topic] = [...(assignment[topic] ?? []), partitionId];
      });
    }
    return [...assignments].map(([memberId, assignment]) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: VERSION,
        assignment,
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol({ topics }) {
    return {
      name: NAME,
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: VERSION,
        topics,
        userData: Buffer.alloc(0),
      }),
    };
  },
});
