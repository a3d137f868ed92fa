import type { Machine } from './machine';
import type { Figure, ScenarioResult, TargetCheck } from './types';

export interface ScenarioOutcome {
  name: string;
  title: string;
  result?: ScenarioResult;
  /** Why the scenario produced no figures (missing infrastructure, a failure). */
  skipped?: string;
  seconds: number;
}

const number = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value)
    ? ''
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const cells = (figure: Figure) => [
  figure.baseline ? `${figure.subject} (baseline)` : `**${figure.subject}**`,
  figure.throughput === undefined ? '' : `${number(figure.throughput)} ${figure.throughputUnit ?? ''}`.trim(),
  figure.p50 === undefined ? '' : `${number(figure.p50, figure.p50 < 10 ? 1 : 0)} ms`,
  figure.p99 === undefined ? '' : `${number(figure.p99, figure.p99 < 10 ? 1 : 0)} ms`,
  figure.ratio === undefined ? '' : `${number(figure.ratio, 2)}×`,
  figure.other ?? '',
];

const HEADER = ['', 'throughput', 'p50', 'p99', 'ratio', 'other'];

export function markdownTable(figures: Figure[]): string {
  const rows = [HEADER, HEADER.map(() => '---'), ...figures.map(cells)];
  return rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** The same table for a terminal: columns padded, no markdown emphasis. */
export function textTable(figures: Figure[]): string {
  const rows = [HEADER, ...figures.map((figure) => cells(figure).map((cell) => cell.replace(/\*\*/g, '')))];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

const targetLine = (target: TargetCheck) =>
  `| ${target.target} | ${target.measured} | ${target.met ? 'met' : '**missed**'} |`;

export function markdownReport(options: {
  machine: Machine;
  command: string;
  quick: boolean;
  startedAt: Date;
  seconds: number;
  outcomes: ScenarioOutcome[];
  profileSummary?: string;
}): string {
  const { machine } = options;
  const targets = options.outcomes.flatMap((outcome) => outcome.result?.targets ?? []);
  const lines = [
    `Measured ${options.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${options.command}\`` +
      `${options.quick ? ' (quick mode: a few seconds per scenario, to prove the harness; not figures to quote)' : ''}` +
      `, in ${Math.round(options.seconds)} s.`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ` +
      `${machine.platform}; load average (1 min) ${number(machine.loadAtStart[0], 2)} at the start, ` +
      `${number(machine.loadAtEnd?.[0], 2)} at the end.`,
    '',
    '### Targets (docs/design.md §8)',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targets.map(targetLine),
    ...options.outcomes
      .filter((outcome) => outcome.skipped)
      .map((outcome) => `| ${outcome.title} | not measured: ${outcome.skipped} | |`),
    '',
  ];
  for (const outcome of options.outcomes) {
    lines.push(`### ${outcome.title}`, '', `\`${outcome.name}\`, ${Math.round(outcome.seconds)} s.`, '');
    if (!outcome.result) {
      lines.push(`Not measured: ${outcome.skipped}`, '');
      continue;
    }
    for (const table of outcome.result.tables) {
      lines.push(`${table.heading}:`, '', markdownTable(table.figures), '');
    }
    for (const note of outcome.result.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  if (options.profileSummary)
    lines.push('### CPU profile of Relais under the authed read load', '', options.profileSummary, '');
  return lines.join('\n');
}

export const BEGIN = '<!-- bench:begin (written by npm run bench: edit outside these markers) -->';
export const END = '<!-- bench:end -->';

/** The file with what lies between its markers replaced; the prose around them (the analysis) is kept. */
export function withReport(current: string | undefined, report: string): string {
  const text = current ?? `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return begin >= 0 && end > begin
    ? `${text.slice(0, begin + BEGIN.length)}\n${report}\n${text.slice(end)}`
    : `${text.trimEnd()}\n\n${BEGIN}\n${report}\n${END}\n`;
}
