export interface ConfigProblem {
  variable: string;
  /** `missing` or what is wrong with the given value (never the value itself: it may be a secret). */
  problem: string;
  expected: string;
}

function formatProblem({ variable, problem, expected }: ConfigProblem): string {
  return problem === 'missing'
    ? `${variable} is missing: ${expected}`
    : `${variable} is invalid (${problem}): ${expected}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['Invalid configuration:', ...problems.map(formatProblem)].join('\n'));
    this.name = 'ConfigError';
  }
}
