import type { PagePreview } from '../previewTypes';
import { contentAndError, haibeiUnion, seedHaibeiUnion, unionWorker } from '../stateHelpers';

/** 学习 home: a first visit, the day's paper done, 长辈模式, a contest running for the worker's union, and without network. */
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
    {
      // A contest running for the worker's union (only its workers see it: other states and pages stay as they were).
      name: 'contest',
      async setup(context) {
        await seedHaibeiUnion();
        await unionWorker(context.openid, '拉姆', haibeiUnion.id);
        const admin = 'preview-contest-admin';
        await context.grantRole(admin, null, 'admin');
        const day = 86_400_000;
        await context.invoke('quiz', 'createContest', {
          title: '西海煤电安全生产知识竞赛', startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 6 * day).toISOString(),
          histories: ['party', 'prc'], questionCount: 10, timeLimitSeconds: 600, orgIds: [haibeiUnion.id],
        }, admin);
      },
    },
  ],
};
