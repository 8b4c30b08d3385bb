/**
 * Which questions a use may serve. Sealed questions (the contest pool) are served by contests only:
 * practice, challenges, daily papers and 背题 never serve them, so no answer-revealing mode is an
 * oracle for a contest. A question stays sealed until an editor unseals it (sets `sealed` to false),
 * which is the editor's decision once no contest drawing on it is still open.
 */
export type PoolUse = 'contest' | 'open';

export function servableBy(use: PoolUse, question: { sealed?: boolean; retired?: boolean }): boolean {
  if (question.retired === true) return false;
  return use === 'contest' ? question.sealed === true : question.sealed !== true;
}

/**
 * The database condition matching `servableBy(use, q)` (a missing `sealed` is the open pool). A
 * question an editor retired is served by no use at all.
 */
export function poolCondition(use: PoolUse, neq: (value: boolean) => unknown): Record<string, unknown> {
  return { ...(use === 'contest' ? { sealed: true } : { sealed: neq(true) }), retired: neq(true) };
}
