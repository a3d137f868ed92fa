import { randomUUID } from 'node:crypto';
import { InMemoryRosterStore, withCourse, withoutParticipant, withParticipant } from '@relais/roster';
import { ErasureUseCases, formerParticipantName } from '../../src/application/erasure';
import { KeyedTokens } from '../../src/application/keyed-tokens';
import type { FeedbackItem } from '../../src/domain/feedback-item';
import { InMemoryAuthorshipIndex } from '../../src/infrastructure/memory/in-memory-authorship-index';
import { InMemoryDailyQuota } from '../../src/infrastructure/memory/in-memory-daily-quota';
import {
  InMemoryFeedbackItemStore,
  inMemoryFeedbackItemStores,
} from '../../src/infrastructure/memory/in-memory-feedback-item-store';
import { InMemoryMessageStore } from '../../src/infrastructure/memory/in-memory-message-store';
import { FeedbackItemMother } from '../mothers/feedback-item-mother';

/**
 * The orderings the HTTP scenarios can only hit by chance: a post landing between two steps of the
 * erasure, and an erasure interrupted half-way and retried.
 */
describe('erasure, step by step', () => {
  const tokens = new KeyedTokens('a-feedback-author-key-of-32-characters-for-erasure');
  const [erased, trainer] = ['teacher-erased', 'trainer-1'];
  let rosters: InMemoryRosterStore;
  let items: InMemoryFeedbackItemStore;
  let messages: InMemoryMessageStore;
  let quota: InMemoryDailyQuota;

  const courseWith = async (participant: string) => {
    const courseId = randomUUID();
    await rosters.apply(
      courseId,
      randomUUID(),
      withCourse(
        {
          courseId,
          academy: 'lyon',
          title: 'Lire au cycle 2',
          status: 'open',
          trainers: [{ userId: trainer, name: 'Alice Martin' }],
        },
        '2026-01-05',
      ),
    );
    await rosters.apply(courseId, randomUUID(), withParticipant({ userId: participant, name: 'Camille' }));
    return courseId;
  };
  /** What `FeedbackUseCases.post` stores for a signed item: the item first, then the authorship token. */
  const signedItemOf = (courseId: string): FeedbackItem => {
    const item = FeedbackItemMother.named({ courseId, authorName: 'Camille' });
    return { ...item, authorToken: tokens.authorOf(erased, courseId, item.id) };
  };
  const erasureWith = (authorship: InMemoryAuthorshipIndex) =>
    new ErasureUseCases(rosters, items, authorship, messages, quota, tokens);

  beforeEach(() => {
    rosters = new InMemoryRosterStore();
    items = inMemoryFeedbackItemStores().items;
    messages = new InMemoryMessageStore();
    quota = new InMemoryDailyQuota();
  });

  it('anonymises a signed item whose post recorded its token just before the tokens were forgotten', async () => {
    const courseId = await courseWith(erased);
    const racing = signedItemOf(courseId);
    // The post inserts its item and records its token after the first look at his items.
    class PostLandingBeforeForget extends InMemoryAuthorshipIndex {
      private landed = false;
      override async forget(all: readonly string[]): Promise<void> {
        if (!this.landed) {
          this.landed = true;
          await items.insert(racing, []);
          await this.record(tokens.authorIn(erased, courseId));
        }
        return super.forget(all);
      }
    }

    const counts = await erasureWith(new PostLandingBeforeForget()).forgetPerson(erased);

    expect(counts.namedItemsAnonymised).toBe(1);
    expect((await items.findById(racing.id))?.item).toMatchObject({
      authorName: formerParticipantName,
      authorToken: '',
    });
  });

  it('finds again, when retried, the signed items of a course he left after an erasure interrupted half-way', async () => {
    class FailingOnce extends InMemoryFeedbackItemStore {
      private failed = false;
      override async inCourse(courseId: string): Promise<FeedbackItem[]> {
        if (!this.failed) {
          this.failed = true;
          throw new Error('the database went away');
        }
        return super.inCourse(courseId);
      }
    }
    items = new FailingOnce();
    const left = await courseWith(erased);
    const item = signedItemOf(left);
    await items.insert(item, []);
    const authorship = new InMemoryAuthorshipIndex();
    await authorship.record(tokens.authorIn(erased, left));
    await rosters.apply(left, randomUUID(), withoutParticipant(erased));
    const erasure = erasureWith(authorship);

    await expect(erasure.forgetPerson(erased)).rejects.toThrow('the database went away');
    // Nothing names him in that course any more: only his authorship token, still there, leads to it.
    expect(await rosters.coursesOf(erased)).toEqual([]);
    const retried = await erasure.forgetPerson(erased);

    expect(retried).toMatchObject({ namedItemsAnonymised: 1, authorshipTokens: 1 });
    expect((await items.findById(item.id))?.item.authorName).toBe(formerParticipantName);
    expect(await authorship.recorded([tokens.authorIn(erased, left)])).toEqual(new Set());
  });
});
