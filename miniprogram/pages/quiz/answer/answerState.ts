import type { PublicQuestion } from '../../../../server/contracts/quiz';

export const optionLabels = ['A', 'B', 'C', 'D', 'E'];
export const typeNames: Record<PublicQuestion['type'], string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** A tap on an option: a multiple-choice question toggles it, the others replace the choice. */
export function toggleChoice(type: PublicQuestion['type'], chosen: readonly string[], key: string): string[] {
  if (type !== 'multiple') return [key];
  return chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key];
}

/** Seconds left on the server's deadline, never below zero. */
export function secondsLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(deadline).getTime() - now) / 1000));
}

export type ShownQuestion = PublicQuestion & { options: Array<{ key: string; text: string; uid: string }> };

/** Option keys repeat across questions in a new order: a per-question uid keeps the list rendering right. */
export function shownQuestion(question: PublicQuestion): ShownQuestion {
  return { ...question, options: question.options.map((o) => ({ ...o, uid: `${question.id}-${o.key}` })) };
}

export function chosenMap(chosen: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(chosen.map((k) => [k, true]));
}
