/**
 * Which questions a use may serve. Sealed questions (the contest pool) are served by contests: a
 * contest that draws one marks it `sealedUntil` the contest is over (the latest such time of every
 * contest that drew it), and practice, challenges, daily papers and 背题 keep it out until then, so
 * no answer-revealing mode is an oracle for an open contest. Once every contest that drew it is
 * over its key is no secret any more (each participant has seen it in the review): it joins the
 * open pool and leaves the contest pool. A sealed question no contest has drawn stays sealed.
 */
export type PoolUse = 'contest' | 'open';

export interface PoolFields {
  sealed?: boolean;
  retired?: boolean;
  /** When the last contest that drew it is over; absent while no contest has drawn it. */
  sealedUntil?: Date | string | null;
}

/**
 * A question released within this margin is not drawn for a new contest paper: the draw and the
 * seal that extends it are two requests apart, and the question must not be released between them.
 */
export const drawMarginSeconds = 60;

export function servableBy(use: PoolUse, question: PoolFields, now: Date): boolean {
  if (question.retired === true) return false;
  const until = question.sealedUntil ? new Date(question.sealedUntil).getTime() : null;
  // A question a contest drew stays out until that contest is over, whatever its flag says now.
  if (use === 'open') return until === null ? question.sealed !== true : until <= now.getTime();
  return question.sealed === true && (until === null || until > now.getTime() + drawMarginSeconds * 1000);
}

/** The commands a pool condition needs (the SDK's `db.command`). */
export interface PoolCommands {
  neq(value: unknown): unknown;
  gt(value: unknown): unknown;
  lte(value: unknown): unknown;
  exists(value: boolean): unknown;
  or(conditions: unknown[]): unknown;
  and(conditions: unknown[]): unknown;
}

/**
 * The database condition matching `servableBy(use, q, now)` for the documents `base` selects (a
 * missing `sealed` is the open pool). The `base` fields stay at the top of the conjunction, so an
 * index on them (history) bounds the read.
 */
export function poolCondition(use: PoolUse, base: Record<string, unknown>, _: PoolCommands, now: Date): Record<string, unknown> {
  if (use === 'contest') {
    const drawable = new Date(now.getTime() + drawMarginSeconds * 1000);
    return { ...base, sealed: true, retired: _.neq(true), sealedUntil: _.or([_.exists(false), _.gt(drawable)]) };
  }
  return _.and([{ ...base, retired: _.neq(true) }, _.or([{ sealedUntil: _.lte(now) }, { sealed: _.neq(true), sealedUntil: _.exists(false) }])]) as Record<string, unknown>;
}

/**
 * When a question a closed contest drew may be released: when the closed contest is over, or later
 * when another contest that drew it (`sealedFor`) is over later. A contest missing from `overAt`
 * (not found) keeps the question until `current`, its seal as it stands. Answers null when the
 * question must stay as it is (its seal is already no later).
 */
export function releaseAfterClose(question: { sealedFor?: readonly string[]; sealedUntil?: Date | string | null }, closedId: string, closedOverAt: Date, overAt: ReadonlyMap<string, Date>): Date | null {
  const current = question.sealedUntil ? new Date(question.sealedUntil).getTime() : null;
  if (current === null) return null;
  let until = closedOverAt.getTime();
  for (const other of question.sealedFor ?? []) {
    if (other === closedId) continue;
    until = Math.max(until, overAt.get(other)?.getTime() ?? current);
  }
  return until < current ? new Date(until) : null;
}
