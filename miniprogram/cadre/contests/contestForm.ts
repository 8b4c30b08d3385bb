import type { HistoryKey } from '../../../server/contracts/content';

/** How long a contest from the phone runs: three lengths, all shown at once (see the form in index.wxml). */
export const durationChoices = [
  { days: 1, name: '1 天' },
  { days: 3, name: '3 天' },
  { days: 7, name: '7 天' },
];

/** The choice the form opens on: a week. */
export const defaultDurationDays = 7;

/** The create-contest input from the form: it starts now and runs for the chosen days. */
export function contestInput(form: { title: string; days: number; questionCount: number; histories: HistoryKey[]; orgId: string }, now: number) {
  return {
    title: form.title,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + form.days * 86_400_000).toISOString(),
    histories: form.histories,
    questionCount: form.questionCount,
    timeLimitSeconds: form.questionCount * 30,
    orgIds: [form.orgId],
  };
}
