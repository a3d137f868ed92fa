import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore } from '@relais/bus';
import { allContracts } from '@relais/contracts';
import type { PersonalDataExport } from '@relais/platform';
import {
  demoNameOf,
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { formerParticipantName, formerTrainerName, type ErasureCounts } from '../../src/application/erasure';
import type { FeedbackLimits } from '../../src/application/quotas';
import type { FeedbackModule } from '../../src/compose';

export interface ErasureUnderTest {
  build(options: {
    verifier: TokenVerifier;
    recipientSealKey: string;
    limits: Partial<FeedbackLimits>;
  }): FeedbackModule;
  /** Everything the service stored, in every store or collection, as raw values: what a reader would see. */
  storedDocuments(): Promise<unknown>;
  close?(): Promise<void>;
}

const sealKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const teachers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `teacher.${String(from + i).padStart(2, '0')}`);

/** What the demo realm holds of each person beside the name (deploy/keycloak/realm-relais.json). */
const emailOf = (username: string) => `${username}@demo.relais.invalid`;
/** The school of teacher.01, shared with teacher.02 to teacher.05: theirs stay in the roster. */
const schoolOfTeacher01 = '0690001A';

const noticeTypes = new Set(
  allContracts
    .filter((contract) => contract.classification === 'personal-reference')
    .map((contract) => contract.type),
);

const nothingDone: ErasureCounts = {
  rosters: 0,
  namedItemsAnonymised: 0,
  itemsWithTrainerRepliesAnonymised: 0,
  pendingNoticesDropped: 0,
  messages: 0,
  dailyQuotaSlots: 0,
  authorshipTokens: 0,
};

const occurrencesIn = (text: string, value: string) => text.split(value).length - 1;

/**
 * An export with each kind's records in one order: some kinds list items in the store's order, which
 * says nothing (an item saved again may come elsewhere), and only what is held is compared.
 */
const inOneOrder = (exported: PersonalDataExport): PersonalDataExport => ({
  ...exported,
  kinds: exported.kinds.map((kind) => ({
    ...kind,
    records: [...kind.records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  })),
});

interface TrainerViewItem {
  id: string;
  visibility: string;
  message: string;
  author?: { name: string; formerParticipant: boolean };
  replies: { by: string; name?: string; message: string }[];
}
interface TrainerView {
  counts: Record<string, number>;
  items: TrainerViewItem[];
}

/**
 * Erasure (issue 19 point 3, ADR 0033) as the feedback service does it, on both adapters: in memory
 * (unit) and on the real database (integration). The proof is the service's own `/me/data` collector,
 * over HTTP, and a search of everything stored.
 */
export function describeErasure(adapterName: string, open: () => Promise<ErasureUnderTest>): void {
  describe(`feedback forgets a person (ADR 0033): ${adapterName}`, () => {
    let service: ErasureUnderTest;
    let harness: ServiceHarness;
    let feedback: FeedbackModule;
    let courseA: string;
    let courseB: string;
    const texts = {
      named: 'Je n’arrive pas à ouvrir les vidéos du module 2, je suis Camille de l’école Jaurès.',
      anonymous: 'La charge de travail de ce parcours est trop lourde pour moi.',
      authorReply: 'Merci, cela m’aidera beaucoup.',
      colleagueNamed: 'Le forum ne charge pas depuis lundi.',
      colleagueAnonymous: 'Les consignes de l’activité 4 sont floues.',
      inCourseB: 'Le module 1 est très clair, merci.',
      aliceReply: 'Nous allons alléger le module 3.',
      brunoReply: 'Ravi que cela vous aide, la suite arrive.',
      sent: 'Veux-tu préparer la séance de jeudi avec moi ?',
      received: 'Avec plaisir, jeudi à 17 h.',
      betweenOthers: 'Un message entre deux autres membres.',
    };
    const ids: Record<string, string> = {};

    const dump = async () => JSON.stringify(await service.storedDocuments());
    const exportOf = async (username: string) =>
      (await harness.call(username, 'GET', '/api/feedback/me/data')).body as PersonalDataExport;
    const ownRequestOf = async (username: string) =>
      (await harness.call(username, 'GET', '/api/feedback/me/data/anonymous-authorship'))
        .body as PersonalDataExport;
    const trainerView = async (courseId: string, trainer: string) =>
      (await harness.call(trainer, 'GET', `/api/feedback/courses/${courseId}/feedback`)).body as TrainerView;
    const post = async (
      username: string,
      courseId: string,
      message: string,
      visibility: 'named' | 'anonymous',
    ) =>
      harness.call(username, 'POST', `/api/feedback/courses/${courseId}/feedback`, {
        category: 'technical-access',
        intensity: 4,
        message,
        visibility,
      });
    const reply = async (username: string, itemId: string, message: string) =>
      expect(
        (await harness.call(username, 'POST', `/api/feedback/feedback/${itemId}/replies`, { message }))
          .status,
      ).toBe(201);
    const send = (from: string, to: string, courseId: string, message: string) =>
      harness.call(from, 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: userIdOf(to),
        message,
      });
    /** The types of the events still pending in the saves of one item, through the relay's own port. */
    const pendingTypesOf = async (itemId: string) => {
      const outbox = feedback.outboxStores?.[0] as OutboxStore;
      const owner = randomUUID();
      const claimed = await outbox.claim(owner, 60_000, 1_000);
      for (const document of claimed) await outbox.acknowledge(document.documentId, owner, []);
      return claimed
        .filter((document) => document.documentId.startsWith(itemId))
        .flatMap((document) => document.events.map((event) => event.envelope.type))
        .sort();
    };
    const expectNothingHeldFor = async (username: string) => {
      for (const answer of [await exportOf(username), await ownRequestOf(username)]) {
        expect(answer.kinds.length).toBeGreaterThan(0);
        for (const kind of answer.kinds) {
          expect({ kind: kind.kind, records: kind.records }).toEqual({ kind: kind.kind, records: [] });
        }
      }
    };

    beforeAll(async () => {
      service = await open();
      harness = await startServiceHarness((verifierFor) => {
        feedback = service.build({
          verifier: verifierFor('relais-feedback'),
          recipientSealKey: sealKeys.publicKey,
          limits: { feedbackPerDay: 100, authorRepliesPerDay: 100, messagesPerDay: 100 },
        });
        return [feedback];
      });
      // Nothing is published: every save's events stay pending, as in the seconds before the relay.
      await harness.host.relay.stop();
      courseA = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants: teachers(1, 6),
      });
      courseB = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.bruno', 'trainer.chloe'],
        participants: teachers(1, 5),
      });
      await harness.bus.idle();

      const idOf = async (response: Promise<{ status: number; body: { id?: string } }>) => {
        const { status, body } = await response;
        expect(status).toBe(201);
        return body.id ?? '';
      };
      ids['named'] = await idOf(post('teacher.01', courseA, texts.named, 'named'));
      ids['anonymous'] = await idOf(post('teacher.01', courseA, texts.anonymous, 'anonymous'));
      ids['colleagueNamed'] = await idOf(post('teacher.02', courseA, texts.colleagueNamed, 'named'));
      ids['colleagueAnonymous'] = await idOf(
        post('teacher.02', courseA, texts.colleagueAnonymous, 'anonymous'),
      );
      ids['inCourseB'] = await idOf(post('teacher.03', courseB, texts.inCourseB, 'named'));
      for (const key of ['named', 'anonymous', 'colleagueNamed', 'colleagueAnonymous']) {
        await reply('trainer.alice', ids[key]!, texts.aliceReply);
      }
      await reply('trainer.bruno', ids['inCourseB']!, texts.brunoReply);
      await reply('teacher.01', ids['named']!, texts.authorReply);
      await reply('teacher.01', ids['anonymous']!, texts.authorReply);
      expect((await send('teacher.01', 'teacher.02', courseA, texts.sent)).status).toBe(201);
      expect((await send('teacher.02', 'teacher.01', courseA, texts.received)).status).toBe(201);
      expect((await send('teacher.03', 'teacher.04', courseA, texts.betweenOthers)).status).toBe(201);
    });
    afterAll(async () => {
      await harness.stop();
      await service.close?.();
    });

    describe('a participant who wrote signed and anonymous items, replied and sent messages', () => {
      const erased = 'teacher.01';
      let counts: ErasureCounts;
      const before: {
        stored?: string;
        inboxA?: TrainerView;
        colleague?: PersonalDataExport;
        colleagueOwn?: PersonalDataExport;
        bystander?: PersonalDataExport;
        trainer?: PersonalDataExport;
        pendingOnNamed?: string[];
      } = {};

      beforeAll(async () => {
        before.stored = await dump();
        before.inboxA = await trainerView(courseA, 'trainer.alice');
        before.colleague = await exportOf('teacher.02');
        before.colleagueOwn = await ownRequestOf('teacher.02');
        before.bystander = await exportOf('teacher.03');
        before.trainer = await exportOf('trainer.alice');
        before.pendingOnNamed = await pendingTypesOf(ids['named']!);
        counts = await feedback.erasure.forgetPerson(userIdOf(erased));
      });

      it('answers what it did in counts only', () => {
        expect(counts).toEqual({
          rosters: 2,
          namedItemsAnonymised: 1,
          itemsWithTrainerRepliesAnonymised: 0,
          // item.posted (his sealed id) and the notice to him of Alice's reply.
          pendingNoticesDropped: 2,
          messages: 2,
          // Two items, two replies as their author, one message.
          dailyQuotaSlots: 5,
          authorshipTokens: 1,
        });
      });

      it('leaves his /me/data empty in every kind, and the answer to his own request too', async () => {
        await expectNothingHeldFor(erased);
      });

      it('leaves no id, name, email or school of his, nor his messages, in anything stored; keeps the texts the trainers received', async () => {
        const stored = await dump();
        // The search can fail: before, he was all over the stores.
        expect(occurrencesIn(before.stored!, userIdOf(erased))).toBeGreaterThan(0);
        expect(occurrencesIn(before.stored!, demoNameOf(erased))).toBeGreaterThan(0);
        for (const value of [
          userIdOf(erased),
          demoNameOf(erased),
          emailOf(erased),
          texts.sent,
          texts.received,
        ]) {
          expect({ value, hits: occurrencesIn(stored, value) }).toEqual({ value, hits: 0 });
        }
        // His school was on his two roster entries; the rest are those of colleagues of the same school.
        expect(occurrencesIn(stored, schoolOfTeacher01)).toBe(
          occurrencesIn(before.stored!, schoolOfTeacher01) - 2,
        );
        // Kept on purpose: his items' texts and his replies on them, as the trainers read them.
        for (const kept of [texts.named, texts.anonymous, texts.authorReply]) {
          expect({ kept, hits: occurrencesIn(stored, kept) > 0 }).toEqual({ kept, hits: true });
        }
      });

      it('keeps his items in the trainer’s inbox, same count and order: the signed one from « Ancien participant », the anonymous one untouched', async () => {
        const inbox = await trainerView(courseA, 'trainer.alice');
        const old = before.inboxA!;

        expect(inbox.counts).toEqual(old.counts);
        expect(inbox.items.map((item) => item.id)).toEqual(old.items.map((item) => item.id));
        for (const item of inbox.items.filter(({ id }) => id !== ids['named'])) {
          expect(item).toEqual(old.items.find(({ id }) => id === item.id));
        }
        const signed = inbox.items.find(({ id }) => id === ids['named'])!;
        const signedBefore = old.items.find(({ id }) => id === ids['named'])!;
        expect(signedBefore.author).toEqual({ name: demoNameOf(erased), formerParticipant: false });
        expect(signed).toEqual({
          ...signedBefore,
          author: { name: formerParticipantName, formerParticipant: true },
          replies: signedBefore.replies.map((each) =>
            each.by === 'author' ? { ...each, name: formerParticipantName } : each,
          ),
        });
        expect(signed.replies.map((each) => each.message)).toEqual([texts.aliceReply, texts.authorReply]);
      });

      it('drops the notices pending on his signed item and keeps its facts', async () => {
        expect(before.pendingOnNamed).toEqual(
          expect.arrayContaining(['feedback.item.posted.v1', 'feedback.reply.posted.v1']),
        );
        const pending = await pendingTypesOf(ids['named']!);
        expect(pending.filter((type) => noticeTypes.has(type))).toEqual([]);
        expect(pending).toEqual(before.pendingOnNamed!.filter((type) => !noticeTypes.has(type)));
        expect(pending.length).toBeGreaterThan(0);
      });

      it('leaves the others’ records as they were, but for the conversation with him', async () => {
        const colleague = inOneOrder(await exportOf('teacher.02'));
        const byKind = (exported: PersonalDataExport, kind: string) =>
          exported.kinds.find((candidate) => candidate.kind === kind)?.records;
        for (const kind of ['course-rosters', 'named-feedback', 'trainer-replies']) {
          expect({ kind, records: byKind(colleague, kind) }).toEqual({
            kind,
            records: byKind(inOneOrder(before.colleague!), kind),
          });
        }
        // Deleted both ways: a conversation with him is his data as much as hers.
        expect(byKind(before.colleague!, 'messages')).toHaveLength(2);
        expect(byKind(colleague, 'messages')).toEqual([]);
        expect(inOneOrder(await ownRequestOf('teacher.02'))).toEqual(inOneOrder(before.colleagueOwn!));
        expect(inOneOrder(await exportOf('teacher.03'))).toEqual(inOneOrder(before.bystander!));
        expect(inOneOrder(await exportOf('trainer.alice'))).toEqual(inOneOrder(before.trainer!));
      });

      it('finds nothing the second time', async () => {
        const stored = await dump();
        expect(await feedback.erasure.forgetPerson(userIdOf(erased))).toEqual(nothingDone);
        expect(await dump()).toEqual(stored);
      });
    });

    describe('a trainer who replied to a signed item', () => {
      const erased = 'trainer.bruno';
      let counts: ErasureCounts;
      let authorsViewBefore: PersonalDataExport;

      beforeAll(async () => {
        authorsViewBefore = await exportOf('teacher.03');
        counts = await feedback.erasure.forgetPerson(userIdOf(erased));
      });

      it('signs his replies « Ancien formateur », keeps their text, and leaves nothing of him', async () => {
        expect(counts).toEqual({ ...nothingDone, rosters: 1, itemsWithTrainerRepliesAnonymised: 1 });
        await expectNothingHeldFor(erased);

        const inbox = await trainerView(courseB, 'trainer.chloe');
        expect(inbox.items.map((item) => [item.id, item.replies])).toEqual([
          [
            ids['inCourseB'],
            [expect.objectContaining({ by: 'trainer', name: formerTrainerName, message: texts.brunoReply })],
          ],
        ]);
        const signedItems = (exported: PersonalDataExport) =>
          exported.kinds.find((kind) => kind.kind === 'named-feedback')?.records;
        expect(signedItems(await exportOf('teacher.03'))).toEqual(
          signedItems(authorsViewBefore)?.map((record) => ({
            ...record,
            replies: (record['replies'] as { name?: string }[]).map((each) => ({
              ...each,
              name: formerTrainerName,
            })),
          })),
        );
        const stored = await dump();
        for (const value of [userIdOf(erased), demoNameOf(erased), emailOf(erased)]) {
          expect({ value, hits: occurrencesIn(stored, value) }).toEqual({ value, hits: 0 });
        }
        expect(occurrencesIn(stored, demoNameOf('trainer.chloe'))).toBeGreaterThan(0);
      });
    });

    it('erases a person never seen without error, and changes nothing', async () => {
      const stored = await dump();
      expect(await feedback.erasure.forgetPerson(randomUUID())).toEqual(nothingDone);
      expect(await feedback.erasure.forgetPerson(userIdOf('ministry.dne'))).toEqual(nothingDone);
      expect(await dump()).toEqual(stored);
    });

    it('survives a post and a message of the person racing his erasure, and a later call removes what came', async () => {
      const erased = 'teacher.04';
      const racing = 'Un retour signé envoyé pendant l’effacement.';

      const [, posted, sent] = await Promise.all([
        feedback.erasure.forgetPerson(userIdOf(erased)),
        post(erased, courseA, racing, 'named'),
        send(erased, 'teacher.05', courseA, 'Un message envoyé pendant l’effacement.'),
      ]);
      // Either his write came first and is erased, or the roster no longer knew him.
      expect([201, 404]).toContain(posted.status);
      expect([201, 404]).toContain(sent.status);
      await feedback.erasure.forgetPerson(userIdOf(erased));

      await expectNothingHeldFor(erased);
      const stored = await dump();
      for (const value of [userIdOf(erased), demoNameOf(erased), emailOf(erased)]) {
        expect({ value, hits: occurrencesIn(stored, value) }).toEqual({ value, hits: 0 });
      }
      expect(await feedback.erasure.forgetPerson(userIdOf(erased))).toEqual(nothingDone);
    });
  });
}
