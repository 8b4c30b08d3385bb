import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

/** 学习 home: a first visit, the day's paper done, 长辈模式, and without network. */
export const study: PagePreview = {
  page: 'pages/study/index',
  states: [
    ...contentAndError,
    {
      name: 'done-today',
      async setup(context) {
        const paper = await context.invoke<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> }>('quiz', 'startDaily', {});
        const answers = paper.questions.map((q) => ({ questionId: q.id, choice: [q.options[0]?.key ?? ''] }));
        await context.invoke('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers });
      },
    },
    { name: 'elder-mode', storage: { elderMode: true } },
  ],
};
