import type { AnswerVerdict, PublicQuestion } from '../../../../server/contracts/quiz';

/** The texts of the right options, as the worker saw them. */
export function answerText(question: PublicQuestion, verdict: AnswerVerdict): string {
  return question.options.filter((o) => verdict.answer.includes(o.key)).map((o) => o.text).join('、');
}
