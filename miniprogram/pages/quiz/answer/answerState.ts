import type { PublicQuestion } from '../../../../server/contracts/quiz';

export const optionLabels = ['A', 'B', 'C', 'D', 'E'];
export const typeNames: Record<PublicQuestion['type'], string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/**
 * What a radio group (one key) or a checkbox group (the checked keys) reports, as the choice sent to
 * the server; keys are opaque strings and only those of the shown question count.
 */
export function choiceOf(question: Pick<PublicQuestion, 'type' | 'options'>, value: unknown): string[] {
  const keys = new Set(question.options.map((o) => o.key));
  const picked = (Array.isArray(value) ? value : [value]).filter((k): k is string => typeof k === 'string' && keys.has(k));
  const ordered = question.options.map((o) => o.key).filter((k) => picked.includes(k));
  return question.type === 'multiple' ? ordered : ordered.slice(0, 1);
}

/** The page data that shows a choice: the checked map (for styling), the radio value and the list. */
export function choiceData(choice: readonly string[]): { choice: string[]; chosen: Record<string, boolean>; chosenOne: string } {
  return { choice: [...choice], chosen: chosenMap(choice), chosenOne: choice[0] ?? '' };
}

/** Seconds left on the server's deadline, never below zero. */
export function secondsLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(deadline).getTime() - now) / 1000));
}

/** What a submission is allowed to take to reach the server: the countdown ends this long before the server stops taking a paper. */
export const sendAllowanceMs = 5_000;

/**
 * The countdown's end once the contest was ended early: the last moment the server still takes the
 * paper (the close plus its grace), less the time a submission needs to get there, and never later
 * than the paper's own deadline.
 */
export function closedCountdownEnd(ownDeadline: string, acceptedUntil: string): string {
  return new Date(Math.min(new Date(ownDeadline).getTime(), new Date(acceptedUntil).getTime() - sendAllowanceMs)).toISOString();
}

export type ShownQuestion = PublicQuestion & { options: Array<{ key: string; text: string; uid: string }> };

/** Option keys repeat across questions in a new order: a per-question uid keeps the list rendering right. */
export function shownQuestion(question: PublicQuestion): ShownQuestion {
  return { ...question, options: question.options.map((o) => ({ ...o, uid: `${question.id}-${o.key}` })) };
}

export function chosenMap(chosen: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(chosen.map((k) => [k, true]));
}

/** The countdown as a clock reads it: 5:00, 0:09, and 1:05:00 past an hour. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(whole % 60)}` : `${minutes}:${two(whole % 60)}`;
}
