import { AssignerProtocol, type Cluster, type GroupMember, type Logger } from 'kafkajs';
import { subscriptionAwareAssigner } from '../src/kafka/subscription-aware-assigner';

const partitions: Record<string, number> = { 'enrollment.facts.v1': 3, 'feedback.facts.v1': 3 };
const cluster = {
  findTopicPartitionMetadata: (topic: string) =>
    Array.from({ length: partitions[topic] ?? 0 }, (_, partitionId) => ({ partitionId })),
} as unknown as Cluster;

function member(memberId: string, topics: string[]): GroupMember {
  return {
    memberId,
    memberMetadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
  };
}

describe('subscriptionAwareAssigner', () => {
  it('gives each topic’s partitions only to the members that subscribed to it', async () => {
    const assigner = subscriptionAwareAssigner({ cluster, groupId: 'stats', logger: {} as Logger });
    const assigned = await assigner.assign({
      members: [
        member('a-enrollment', ['enrollment.facts.v1']),
        member('b-feedback', ['feedback.facts.v1']),
        member('c-feedback', ['feedback.facts.v1']),
      ],
      topics: Object.keys(partitions),
    });
    const byMember = Object.fromEntries(
      assigned.map(({ memberId, memberAssignment }) => [
        memberId,
        AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment,
      ]),
    );
    expect(byMember).toEqual({
      'a-enrollment': { 'enrollment.facts.v1': [0, 1, 2] },
      'b-feedback': { 'feedback.facts.v1': [0, 2] },
      'c-feedback': { 'feedback.facts.v1': [1] },
    });
  });
});
