import { startServiceHarness, type ServiceHarness } from '@relais/testing';
import type { PendingEvent } from '@relais/contracts';
import { createStatsService, type TallyStore } from '../../src/index';
import { contributions, firstReplies, participations } from '../support/facts';

async function publish(harness: ServiceHarness, events: readonly PendingEvent[]) {
  for (const event of events)
    await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
  await harness.bus.idle();
}

async function csv(harness: ServiceHarness, username: string, path: string) {
  const response = await fetch(`${harness.apiUrl}/api/stats${path}`, {
    headers: { authorization: `Bearer ${await harness.token(username)}`, accept: 'text/csv' },
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/**
 * Every Stats route of docs/api.md, run on the in-memory store (stats-over-http.test.ts) and on the
 * mongoose one (stats-over-http.int.test.ts): same answers from both adapters.
 */
export function describeStatsRoutes(adapterName: string, openTallies: () => Promise<TallyStore>): void {
  describe(`the Stats routes: ${adapterName}`, () => {
    // Two days after 2026-Q4 (and so December) was published: 2027's periods are not.
    const today = new Date('2027-01-10T09:00:00Z');
    let harness: ServiceHarness;
    beforeAll(async () => {
      const tallies = await openTallies();
      harness = await startServiceHarness((verifierFor) => [
        createStatsService({
          tallies,
          verifier: verifierFor('relais-stats'),
          suppression: { minimumCount: 11 },
          publication: { settlingDays: 7, now: () => today },
          notice: 'Demo data: invented for this test.',
        }),
      ]);
      await publish(harness, [
        ...participations({
          month: '2026-11',
          academy: 'lyon',
          themes: ['reading'],
          change: 'enrolled',
          teachers: 12,
        }),
        ...participations({
          month: '2026-11',
          academy: 'lyon',
          themes: ['reading'],
          change: 'completed',
          teachers: 12,
          hours: 9,
        }),
        ...participations({
          month: '2026-11',
          academy: 'grenoble',
          themes: ['reading'],
          change: 'enrolled',
          teachers: 2,
        }),
        ...contributions({
          month: '2026-11',
          academy: 'lyon',
          category: 'workload-time',
          intensityBand: 'high',
          teachers: 12,
        }),
        ...contributions({
          month: '2026-11',
          academy: 'lyon',
          category: 'workload-time',
          intensityBand: 'low',
          teachers: 11,
        }),
        ...contributions({
          month: '2026-11',
          academy: 'grenoble',
          category: 'workload-time',
          intensityBand: 'high',
          teachers: 11,
        }),
        ...contributions({
          month: '2026-11',
          academy: 'grenoble',
          category: 'workload-time',
          intensityBand: 'low',
          teachers: 12,
        }),
        ...firstReplies({
          month: '2026-11',
          academy: 'lyon',
          category: 'workload-time',
          intensityBand: 'high',
          days: [0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 9],
        }),
      ]);
    });
    afterAll(async () => harness.stop());

    it('gives the ministry its table, small cells suppressed', async () => {
      const response = await harness.call(
        'ministry.dne',
        'GET',
        '/api/stats/ministry/enrollments?period=2026-11&by=academy',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        table: 'ministry-enrollments',
        period: '2026-11',
        by: 'academy',
        minimumCount: 11,
        publishedOn: '2027-01-08',
      });
      expect(response.body.cells).toEqual(
        expect.arrayContaining([
          { academy: 'grenoble', measure: 'teachers-enrolled', value: null, suppressed: 'primary' },
          { academy: 'lyon', measure: 'teachers-completed', value: 12 },
          { academy: 'lyon', measure: 'credited-hours', value: 108 },
        ]),
      );
    });

    it('gives the same table as CSV, with a header, empty suppressed values and a suppressed column', async () => {
      const json = await harness.call(
        'ministry.dne',
        'GET',
        '/api/stats/ministry/enrollments?period=2026-11&by=academy',
      );
      const answer = await csv(harness, 'ministry.dne', '/ministry/enrollments?period=2026-11&by=academy');
      expect(answer.status).toBe(200);
      expect(answer.type).toMatch(/^text\/csv/);
      const [header, ...rows] = answer.text.trimEnd().split('\r\n');
      expect(header).toBe('period,academy,measure,value,suppressed');
      expect(rows).toContain('2026-11,grenoble,teachers-enrolled,,primary');
      expect(rows).toContain('2026-11,lyon,teachers-completed,12,');
      expect(rows).toHaveLength(json.body.cells.length);
    });

    it('ends each ministry table with the national total, which gives no hidden academy away', async () => {
      const tables = await Promise.all(
        ['academy', 'theme'].map((by) =>
          harness.call('ministry.dne', 'GET', `/api/stats/ministry/enrollments?period=2026-11&by=${by}`),
        ),
      );
      type Cell = { academy?: string; theme?: string; measure: string; value: number | null };
      const [byAcademy, byTheme] = tables.map((response) => response.body.cells as Cell[]);
      const nationalOf = (cells: Cell[] = []) =>
        cells.filter((cell) => cell.academy === undefined && cell.theme === undefined);
      expect(nationalOf(byAcademy)).toEqual(
        expect.arrayContaining([
          { measure: 'teachers-completed', value: 12 },
          { measure: 'credited-hours', value: 108 },
        ]),
      );
      expect(nationalOf(byAcademy)).toHaveLength(4);
      expect(nationalOf(byTheme)).toEqual(nationalOf(byAcademy));
      // Grenoble's 2 teachers: Lyon's 12 and the total of 14 are never both published.
      const enrolled = (byAcademy ?? []).filter((cell) => cell.measure === 'teachers-enrolled');
      const lyon = enrolled.find((cell) => cell.academy === 'lyon');
      const total = enrolled.find((cell) => cell.academy === undefined);
      expect([lyon?.value, total?.value]).toContain(null);
      const answer = await csv(harness, 'ministry.dne', '/ministry/enrollments?period=2026-11&by=academy');
      expect(answer.text.split('\r\n')).toContain('2026-11,,teachers-completed,12,');
    });

    it('gives the national CHSCT every academy, and an academy CHSCT its own only', async () => {
      const path = '/api/stats/chsct/feedback-trends?from=2026-10&to=2026-11&by=academy';
      const national = await harness.call('chsct.national', 'GET', path);
      expect(national.body).toMatchObject({ scope: 'national', from: '2026-10', to: '2026-11' });
      const academiesOf = (cells: { academy?: string }[]) => new Set(cells.map((cell) => cell.academy));
      expect(academiesOf(national.body.cells)).toEqual(new Set(['grenoble', 'lyon', undefined]));
      const lyon = await harness.call('chsct.lyon', 'GET', path);
      expect(lyon.body).toMatchObject({ scope: 'academy', academy: 'lyon' });
      expect(academiesOf(lyon.body.cells)).toEqual(new Set(['lyon']));
      expect(lyon.body.cells).toContainEqual({
        month: '2026-11',
        academy: 'lyon',
        measure: 'respondents',
        value: 23,
      });
      expect(JSON.stringify(lyon.body)).not.toContain('grenoble');
    });

    it('gives monthly respondents per category and band, and the median days to a first reply', async () => {
      const response = await harness.call(
        'chsct.lyon',
        'GET',
        '/api/stats/chsct/feedback-trends?from=2026-11&to=2026-11&by=category',
      );
      expect(response.status).toBe(200);
      expect(response.body.cells).toEqual(
        expect.arrayContaining([
          {
            month: '2026-11',
            academy: 'lyon',
            category: 'workload-time',
            intensityBand: 'high',
            measure: 'respondents',
            value: 12,
          },
          { month: '2026-11', academy: 'lyon', category: 'workload-time', measure: 'respondents', value: 23 },
          {
            month: '2026-11',
            academy: 'lyon',
            category: 'workload-time',
            measure: 'median-days-to-first-reply',
            value: 2,
          },
          {
            month: '2026-11',
            academy: 'lyon',
            category: 'other',
            intensityBand: 'low',
            measure: 'respondents',
            value: 0,
          },
        ]),
      );
      const withoutReplies = response.body.cells.filter(
        (cell: { category?: string; measure: string }) =>
          cell.category === 'other' && cell.measure === 'median-days-to-first-reply',
      );
      expect(withoutReplies).toEqual([]);
      const trends = await csv(
        harness,
        'chsct.national',
        '/chsct/feedback-trends?from=2026-11&to=2026-11&by=category',
      );
      expect(trends.text.split('\r\n')[0]).toBe(
        'month,academy,category,intensityBand,measure,value,suppressed',
      );
    });

    it('lists the tables, their dimensions and the rules in force', async () => {
      const response = await harness.call('chsct.national', 'GET', '/api/stats/catalogue');
      expect(response.body.tables.map((table: { name: string }) => table.name)).toEqual([
        'ministry-enrollments',
        'chsct-feedback-trends',
      ]);
      expect(response.body.rules).toMatchObject({ minimumCount: 11 });
      expect(response.body.notice).toBe('Demo data: invented for this test.');
    });

    it('says per table which periods are published and when the next ones will be', async () => {
      const response = await harness.call('ministry.dne', 'GET', '/api/stats/catalogue');
      const [ministry, chsct] = response.body.tables;
      expect(ministry.publication.settlingDays).toBe(7);
      expect(ministry.publication.publishedPeriods).toEqual(
        expect.arrayContaining(['2026-10', '2026-11', '2026-12', '2026-Q4', '2024-01', '2024-Q1']),
      );
      expect(ministry.publication.publishedPeriods).not.toContain('2027-01');
      expect(ministry.publication.nextPublication).toEqual({
        date: '2027-04-08',
        periods: ['2027-01', '2027-02', '2027-03', '2027-Q1'],
      });
      expect(chsct.publication.publishedPeriods.at(-1)).toBe('2026-12');
      expect(chsct.publication.publishedPeriods).toHaveLength(36);
      expect(chsct.publication.nextPublication).toEqual({ date: '2027-02-08', periods: ['2027-01'] });
    });

    it.each([
      ['ministry.dne', '/ministry/enrollments?period=2027-01', '2027-01', '2027-04-08'],
      ['ministry.dne', '/ministry/enrollments?period=2027-Q1&by=theme', '2027-Q1', '2027-04-08'],
      ['chsct.national', '/chsct/feedback-trends?from=2026-11&to=2027-01', '2027-01', '2027-02-08'],
    ])('%s asks %s, not published yet: 404 with the day it will be', async (user, path, period, day) => {
      const response = await harness.call(user, 'GET', `/api/stats${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'PERIOD_NOT_PUBLISHED', period, publishedOn: day });
      expect(response.body.detail).toContain(day);
    });

    it('never changes a published cell: facts arriving after publication count in the month they arrive in', async () => {
      const paths: [string, string][] = [
        ['ministry.dne', '/api/stats/ministry/enrollments?period=2026-11&by=academy'],
        ['ministry.dne', '/api/stats/ministry/enrollments?period=2026-Q4&by=theme'],
        ['chsct.national', '/api/stats/chsct/feedback-trends?from=2026-10&to=2026-12&by=category'],
        ['chsct.lyon', '/api/stats/chsct/feedback-trends?from=2026-10&to=2026-12&by=academy'],
      ];
      const before = await Promise.all(paths.map(([user, path]) => harness.call(user, 'GET', path)));
      // Late: a November enrollment fact delayed past the settling window, and first replies to
      // November items given in January, which name November.
      await publish(harness, [
        ...participations({
          month: '2026-11',
          academy: 'lyon',
          themes: ['reading'],
          change: 'completed',
          teachers: 1,
          hours: 7.5,
        }),
        ...firstReplies({
          month: '2026-11',
          academy: 'lyon',
          category: 'workload-time',
          intensityBand: 'high',
          days: [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50],
          repliedIn: '2027-01',
        }),
      ]);
      const after = await Promise.all(paths.map(([user, path]) => harness.call(user, 'GET', path)));
      for (const [index, response] of after.entries()) {
        expect(response.status).toBe(200);
        expect(response.body).toEqual(before[index]?.body);
      }
      expect(before[0]?.body.cells).toContainEqual({
        academy: 'lyon',
        measure: 'credited-hours',
        value: 108,
      });
    });

    it.each([
      ['/ministry/enrollments?period=2026-11&by=school', 'VALIDATION_FAILED'],
      ['/ministry/enrollments?period=2026-13', 'VALIDATION_FAILED'],
      ['/ministry/enrollments?period=2026-Q5', 'VALIDATION_FAILED'],
      ['/ministry/enrollments?period=2026-11&teacher=x', 'UNKNOWN_FIELDS'],
      ['/chsct/feedback-trends?from=2026-1&to=2026-10', 'VALIDATION_FAILED'],
      ['/chsct/feedback-trends?from=2026-09&to=2026-10&by=school', 'VALIDATION_FAILED'],
      ['/chsct/feedback-trends?to=2026-10', 'VALIDATION_FAILED'],
    ])('%s → 400 %s', async (path, code) => {
      const user = path.startsWith('/ministry') ? 'ministry.dne' : 'chsct.national';
      const response = await harness.call(user, 'GET', `/api/stats${path}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, code });
    });

    it.each([
      ['/chsct/feedback-trends?from=2026-11&to=2026-10', 'PERIOD_REVERSED'],
      ['/chsct/feedback-trends?from=2023-01&to=2026-01', 'PERIOD_TOO_LONG'],
    ])('%s → 422 %s: well-formed months that no table can answer', async (path, code) => {
      const response = await harness.call('chsct.national', 'GET', `/api/stats${path}`);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 422, code });
    });

    it('accepts 36 months', async () => {
      const response = await harness.call(
        'chsct.national',
        'GET',
        '/api/stats/chsct/feedback-trends?from=2024-01&to=2026-12',
      );
      expect(response.status).toBe(200);
    });
  });
}
