import type { AnswerVerdict, PublicQuestion } from '../../../../server/contracts/quiz';

/** The texts of the right options, as the worker saw them. */
export function answerText(question: PublicQuestion, verdict: Pick<AnswerVerdict, 'answer'>): string {
  return question.options.filter((o) => verdict.answer.includes(o.key)).map((o) => o.text).join('、');
}

/** After a verdict: right options marked green, wrongly chosen ones red (class names by option key). */
export function optionMarks(question: PublicQuestion, answer: readonly string[], chosen: readonly string[]): Record<string, string> {
  const marks: Record<string, string> = {};
  for (const o of question.options) {
    if (answer.includes(o.key)) marks[o.key] = 'option-right';
    else if (chosen.includes(o.key)) marks[o.key] = 'option-wrong';
  }
  return marks;
}
