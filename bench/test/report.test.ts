import { BEGIN, END, markdownTable, withReport } from '../lib/report';

describe('the benchmark report', () => {
  it('replaces only what lies between its markers, keeping the analysis around them', () => {
    const file = `# Benchmarks\n\nWhere the time goes: logging.\n\n${BEGIN}\nold figures\n${END}\n\n## Capacity\n`;
    const next = withReport(file, 'new figures');
    expect(next).toContain('Where the time goes: logging.');
    expect(next).toContain('## Capacity');
    expect(next).toContain(`${BEGIN}\nnew figures\n${END}`);
    expect(next).not.toContain('old figures');
  });

  it('appends the markers to a file that has none, and creates one when there is no file', () => {
    expect(withReport('# Notes\n', 'figures')).toBe(`# Notes\n\n${BEGIN}\nfigures\n${END}\n`);
    expect(withReport(undefined, 'figures')).toContain(`${BEGIN}\nfigures\n${END}`);
  });

  it('marks baselines and writes the ratio with two decimals', () => {
    const table = markdownTable([
      { subject: 'Relais', throughput: 1234.4, throughputUnit: 'req/s', p50: 3.21, p99: 25, ratio: 0.4567 },
      { subject: 'bare Express', baseline: true, throughput: 2700, throughputUnit: 'req/s', ratio: 1 },
    ]);
    expect(table).toContain('| **Relais** | 1,234 req/s | 3.2 ms | 25 ms | 0.46× |');
    expect(table).toContain('| bare Express (baseline) | 2,700 req/s |');
  });
});
