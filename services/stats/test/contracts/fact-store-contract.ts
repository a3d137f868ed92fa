import { randomUUID } from 'node:crypto';
import type { ParticipationFactStore } from '../../src/application/ports';
import type { ParticipationFact } from '../../src/domain/enrollment-table';

const fact = (month: string): ParticipationFact => ({
  month,
  academy: 'lyon',
  themes: ['reading', 'digital'],
  change: 'enrolled',
  creditedHoursDelta: 0,
  newTeacherIn: [{ dimension: 'theme', value: 'reading', period: 'quarter' }],
});

export function describeFactStoreContract(
  adapterName: string,
  open: () => Promise<ParticipationFactStore>,
): void {
  describe(`participation fact store contract: ${adapterName}`, () => {
    let store: ParticipationFactStore;
    beforeEach(async () => {
      store = await open();
    });

    it('records a fact once: a replayed fact id changes nothing', async () => {
      const month = `2031-0${1 + Math.floor(Math.random() * 9)}`;
      const before = (await store.inMonths([month])).length;
      const id = randomUUID();
      expect(await store.record(id, fact(month))).toBe(true);
      expect(await store.record(id, fact(month))).toBe(false);
      const stored = await store.inMonths([month]);
      expect(stored).toHaveLength(before + 1);
      expect(stored).toContainEqual(fact(month));
    });

    it('returns only the facts of the months asked', async () => {
      await store.record(randomUUID(), fact('2032-01'));
      await store.record(randomUUID(), fact('2032-02'));
      const months = (await store.inMonths(['2032-02'])).map((f) => f.month);
      expect(new Set(months)).toEqual(new Set(['2032-02']));
    });
  });
}
