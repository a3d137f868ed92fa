// Not in trainer-rules: trainer-queries uses this and trainer-rules imports trainer-queries' types.

/** Whether each participant's training is marked completed, by user id. */
export type Completions = Record<string, boolean>;

export function completionsById(rows: readonly { userId: string; completed: boolean }[]): Completions {
  return Object.fromEntries(rows.map((row) => [row.userId, row.completed]));
}
