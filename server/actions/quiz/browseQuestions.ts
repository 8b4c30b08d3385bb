import type { browseQuestions as contract, StudyCard } from '../../contracts/quiz';
import { openPaperQuestionIds } from '../../db/quiz/servedQuestions';
import { openPoolPage } from '../../db/quiz/studyCards';
import type { BankQuestion } from '../../domain/quiz/paperQuestions';
import type { Handler } from '../../runtime/router';

const pageSize = 10;
const labels = ['A', 'B', 'C', 'D', 'E'];

function card(q: BankQuestion): StudyCard {
  return {
    id: q._id,
    history: q.history,
    type: q.type,
    stem: q.stem,
    options: q.options.map((text, i) => ({ label: labels[i] as string, text, right: q.answer.includes(labels[i] as never) })),
    explanation: q.explanation,
    source: q.source,
  };
}

/** 背题: the open pool with answers, ten at a time; a question on the worker's open paper is left out until it is submitted. */
export const browseQuestions: Handler<typeof contract> = async (input, ctx) => {
  const [{ questions, total }, onPaper] = await Promise.all([openPoolPage(ctx.db, input.history, pageSize, ctx.now, input.after), openPaperQuestionIds(ctx.db, ctx.openid, ctx.now)]);
  const last = questions[questions.length - 1];
  return { items: questions.filter((q) => !onPaper.has(q._id)).map(card), nextCursor: questions.length === pageSize && last ? last._id : null, total };
};
