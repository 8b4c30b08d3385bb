import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PagePreview, PreviewContext, RenderedPage } from '../previewTypes';
import { provideCanvas } from '../../harness/fakeCanvas';
import { insertDocument } from '../../harness/pageCloud';
import { haibeiUnion, seedHaibeiUnion, unionWorker } from '../stateHelpers';
import { TapeCanvas } from '../tapeCanvas';

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** A worker's taps, as the page's own handlers receive them (pictures need the state, not the gesture). */
function call(page: RenderedPage, method: string, ...args: unknown[]): unknown {
  return (page.instance as unknown as Methods)[method]?.(...args);
}

function firstOption(page: RenderedPage): string {
  return (page.data.question as { options: Array<{ key: string }> } | null)?.options[0]?.key ?? '';
}

function chooseFirst(page: RenderedPage): void {
  call(page, 'onChoose', { detail: { value: firstOption(page) } });
}

/** A submitted daily paper with the first option of every question chosen; its attempt id. */
async function submittedDaily(context: PreviewContext): Promise<string> {
  const paper = await context.invoke<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> }>('quiz', 'startDaily', {});
  const answers = paper.questions.map((q) => ({ questionId: q.id, choice: [q.options[0]?.key ?? ''] }));
  const result = await context.invoke<{ attemptId: string }>('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers });
  return result.attemptId;
}

/** A cadre of 西宁's union whose contest a worker is answering when it is ended early. */
const contestCloser = 'preview-answer-closer';

async function runningContest(context: PreviewContext): Promise<Record<string, string>> {
  await context.grantRole(contestCloser, 'qh-xining');
  // 西宁's contest, not the province's: the pictures share a cloud with the page tests, and a
  // province-wide contest would show on every other worker's 学习 home.
  await unionWorker(context.openid, '拉姆', 'qh-xining');
  const hour = 3_600_000;
  const contest = { title: '西宁市职工“读四史”知识竞赛', startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + hour).toISOString(), histories: ['party', 'labor'], questionCount: 10, timeLimitSeconds: 600, orgIds: ['qh-xining'] };
  const { contestId } = await context.invoke<{ contestId: string }>('quiz', 'createContest', contest, contestCloser);
  return { contestId };
}

export const quizAnswer: PagePreview = {
  page: 'pages/quiz/answer/index',
  states: [
    { name: 'content' },
    {
      name: 'mid-answer',
      async act(page) {
        for (let n = 0; n < 3; n += 1) {
          chooseFirst(page);
          call(page, 'onNext');
        }
      },
    },
    {
      name: 'submit-dialog',
      async act(page) {
        chooseFirst(page);
        for (let n = 0; n < 9; n += 1) call(page, 'onNext');
        call(page, 'onSubmit');
      },
    },
    {
      // The cadre ends the contest early while the worker answers: the page's check tells them once.
      name: 'contest-closed',
      setup: runningContest,
      async act(page, context) {
        chooseFirst(page);
        await context.invoke('quiz', 'closeContest', { contestId: page.data.contestId }, contestCloser);
        await call(page, 'checkDeadline');
      },
    },
    { name: 'error', offline: true },
  ],
};

export const quizResult: PagePreview = {
  page: 'pages/quiz/result/index',
  states: [
    { name: 'reviewed', setup: async (context) => ({ attemptId: await submittedDaily(context) }) },
    // A contest paper: the score at once, the answers when the contest is over, its own ranking.
    { name: 'contest', setup: async (context) => ({ attemptId: (await rankedContest(context)).attemptId }) },
    {
      // The share poster as a phone at 2x draws it: nickname, score, rank and the mini program code.
      name: 'poster',
      async setup(context) {
        await context.invoke('account', 'updateProfile', { nickname: '柴达木巡线工' });
        return { attemptId: await submittedDaily(context) };
      },
      async act(page) {
        const canvas = new TapeCanvas();
        provideCanvas(page.instance as object, canvas);
        Object.assign((globalThis as unknown as { wx: object }).wx, {
          getWindowInfo: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667 }),
          canvasToTempFilePath: (options: { success(result: { tempFilePath: string }): void }) => options.success({ tempFilePath: canvas.imageSource() }),
        });
        call(page, 'onPoster');
        // The code's picture loads over HTTP, which the page's settling does not see: wait for the sheet.
        const deadline = Date.now() + 20000;
        while (!page.data.posterVisible && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      },
    },
    {
      name: 'report-sheet',
      setup: async (context) => ({ attemptId: await submittedDaily(context) }),
      async act(page) {
        const first = (page.data.rows as Array<{ id: string }>)[0]?.id ?? '';
        call(page, 'onReport', { currentTarget: { dataset: { id: first } } });
      },
    },
    { name: 'error', offline: true },
  ],
};

export const quizLeaderboard: PagePreview = {
  page: 'pages/quiz/leaderboard/index',
  states: [
    {
      name: 'province',
      async setup(context) {
        // Points from today's reading check-in put the viewer on the boards.
        await context.invoke('reading', 'checkIn', {});
        for (const [openid, nickname] of [['preview-board-a', '卓玛'], ['preview-board-b', '马建国'], ['preview-board-c', '才让']]) {
          await context.invoke('account', 'updateProfile', { nickname }, openid);
          await submittedDaily({ ...context, openid, invoke: (n, a, i) => context.invoke(n, a, i, openid) });
        }
      },
    },
    {
      name: 'all-time',
      async setup(context) {
        await context.invoke('reading', 'checkIn', {});
      },
      async act(page) {
        call(page, 'onPeriod', { detail: { value: 'all' } });
      },
    },
    ...(['province', 'union', 'parent', 'group'] as const).map((scope) => ({
      // A worker of a grassroots union (its parent a city union) in two remembered WeChat groups,
      // looking at each of the boards that opens to them.
      name: `worker-${scope}`,
      // One worker for the four boards (a fresh viewer each would crowd the groups with namesakes).
      openid: 'preview-board-lamu',
      setup: (context: PreviewContext) => boardWorker(context),
      async act(page: RenderedPage) {
        const key = { province: 'province:qh', union: `org:${boardUnion}`, parent: `org:${boardParent}`, group: `group:${boardGroups[0]}` }[scope];
        call(page, 'onScope', { currentTarget: { dataset: { key } } });
      },
    })),
    // A contest's own ranking, opened from its result or its card: score, then time used.
    { name: 'contest', setup: async (context) => ({ contestId: (await rankedContest(context)).contestId }) },
    { name: 'error', offline: true },
  ],
};

// The ranked contest's union: a county union of its own under 果洛 (the pictures share a cloud with
// the page tests; its contest shows to nobody else).
const rankUnion = { id: 'preview-guoluo-jiuzhi', name: '久治县总工会', parentId: 'qh-guoluo' };

/** The seeded bank's right options by text (a test knows them; the page never does: its option keys are random). */
function rightTexts(): Map<string, string[]> {
  const bank = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../data/questions/party.json'), 'utf8')) as Array<{ id: string; options: string[]; answer: string[] }>;
  return new Map(bank.map((q): [string, string[]] => [q.id, q.answer.map((letter) => q.options['ABCDE'.indexOf(letter)] as string)]));
}

/** A contest paper handed in with its first `right` questions right and the rest blank. */
async function contestPaper(context: PreviewContext, openid: string, contestId: string, right: number): Promise<string> {
  const keys = rightTexts();
  const paper = await context.invoke<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string; text: string }> }> }>('quiz', 'startContest', { contestId }, openid);
  const answers = paper.questions.slice(0, right).map((q) => ({ questionId: q.id, choice: q.options.filter((o) => keys.get(q.id)?.includes(o.text)).map((o) => o.key) }));
  await context.invoke('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers }, openid);
  return paper.attemptId;
}

let rankSeeded: Promise<void> | null = null;
let rankedContests = 0;

/** 久治's contest with five colleagues handed in, and the viewer's own paper (6 of 10 right); the viewer's attempt. */
async function rankedContest(context: PreviewContext): Promise<{ contestId: string; attemptId: string }> {
  rankSeeded ??= insertDocument('orgs', { _id: rankUnion.id, name: rankUnion.name, parentId: rankUnion.parentId, kind: 'county', order: 85 });
  await rankSeeded;
  // Short ids, as createContest makes them: an attempt's id joins the contest's and the worker's.
  rankedContests += 1;
  const contestId = `pvrank${rankedContests}`;
  const now = Date.now();
  const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
  await insertDocument('contests', { _id: contestId, title: '久治县职工“读四史”知识竞赛', startsAt: at(now - 3_600_000), endsAt: at(now + 86_400_000), histories: ['party'], questionCount: 10, timeLimitSeconds: 600, orgIds: [rankUnion.id], createdBy: 'preview-rank-admin', createdAt: at(now) });
  const colleagues: Array<[string, number]> = [['才让东周', 10], ['卓玛', 9], ['马建国', 8], ['李秀英', 8], ['扎西', 4]];
  for (const [i, [nickname, right]] of colleagues.entries()) {
    const openid = `${contestId}-w${i}`;
    await unionWorker(openid, nickname, rankUnion.id);
    await contestPaper(context, openid, contestId, right);
  }
  await unionWorker(context.openid, '拉姆', rankUnion.id);
  return { contestId, attemptId: await contestPaper(context, context.openid, contestId, 6) };
}

// The leaderboard's worker: a grassroots union under 海北, two groups, and colleagues on each
// board. Seeded once per run.
const boardUnion = haibeiUnion.id;
const boardParent = haibeiUnion.parentId;
const boardGroups = ['G_preview_workshop', 'G_preview_team'];
let boardSeeded: Promise<void> | null = null;

async function joinGroups(openid: string, groups: string[]): Promise<void> {
  const now = { $date: new Date().toISOString() };
  for (const groupId of groups) await insertDocument('group_members', { _id: `${groupId}|${openid}`, groupId, openid, joinedAt: now });
}

async function seedBoardColleagues(context: PreviewContext): Promise<void> {
  await seedHaibeiUnion();
  // Memberships are in place before the points: a point counts on the boards its earner belongs to then.
  const colleagues: Array<{ openid: string; nickname: string; orgId: string | null; groups: string[]; quiz: boolean }> = [
    { openid: 'preview-board-xihai-1', nickname: '卓玛', orgId: boardUnion, groups: [boardGroups[0]], quiz: true },
    { openid: 'preview-board-xihai-2', nickname: '马建国', orgId: boardUnion, groups: [], quiz: false },
    { openid: 'preview-board-haibei-1', nickname: '才让', orgId: boardParent, groups: [boardGroups[1]], quiz: true },
    { openid: 'preview-board-group-1', nickname: '李师傅', orgId: null, groups: [boardGroups[0]], quiz: false },
  ];
  for (const colleague of colleagues) {
    await unionWorker(colleague.openid, colleague.nickname, colleague.orgId);
    await joinGroups(colleague.openid, colleague.groups);
    const as: PreviewContext = { ...context, openid: colleague.openid, invoke: (n, a, i) => context.invoke(n, a, i, colleague.openid) };
    await as.invoke('reading', 'checkIn', {});
    if (colleague.quiz) await submittedDaily(as);
  }
}

/** The viewer: a worker of 西海煤电工会 in both groups, with today's reading check-in. */
function boardWorker(context: PreviewContext): Promise<void> {
  boardSeeded ??= (async () => {
    await seedBoardColleagues(context);
    await unionWorker(context.openid, '拉姆', boardUnion);
    await joinGroups(context.openid, boardGroups);
    await context.invoke('reading', 'checkIn', {});
  })();
  return boardSeeded;
}

export const quizPractice: PagePreview = {
  page: 'pages/quiz/practice/index',
  states: [
    { name: 'content', query: { from: 'history', history: 'party' } },
    {
      name: 'verdict',
      query: { from: 'history', history: 'labor' },
      async act(page) {
        chooseFirst(page);
        await call(page, 'onCheck');
      },
    },
    { name: 'wrongbook-empty', query: { from: 'wrongBook' } },
    { name: 'error', offline: true },
  ],
};

export const quizChallenge: PagePreview = {
  page: 'pages/quiz/challenge/index',
  states: [
    { name: 'content' },
    {
      name: 'leave-dialog',
      async act(page) {
        call(page, 'onLeave');
      },
    },
    { name: 'error', offline: true },
  ],
};

export const quizWrongbook: PagePreview = {
  page: 'pages/quiz/wrongbook/index',
  states: [
    { name: 'empty' },
    {
      name: 'content',
      async setup(context) {
        await submittedDaily(context);
      },
    },
    { name: 'error', offline: true },
  ],
};

export const quizStudy: PagePreview = {
  page: 'pages/quiz/study/index',
  states: [
    { name: 'content', query: { history: 'party' } },
    {
      name: 'report-sheet',
      query: { history: 'labor' },
      async act(page) {
        const first = (page.data.items as Array<{ id: string }>)[0]?.id ?? '';
        call(page, 'onReport', { currentTarget: { dataset: { id: first } } });
      },
    },
    { name: 'error', offline: true },
  ],
};

export const quizReports: PagePreview = {
  page: 'pages/quiz/reports/index',
  states: [
    { name: 'empty' },
    {
      name: 'content',
      async setup(context) {
        await context.invoke('quiz', 'reportQuestion', { questionId: 'party-002', reason: 'explanation', note: '解析中的时间与出处写法不一致,请核对' });
        await context.invoke('quiz', 'reportQuestion', { questionId: 'prc-003', reason: 'stem', note: '题干里的地名有两种写法' });
      },
    },
    { name: 'error', offline: true },
  ],
};


export const quizMyContests: PagePreview = {
  page: 'pages/quiz/contests/index',
  states: [
    {
      // One handed in (久治's contest), and another of the union's being answered now.
      name: 'content',
      async setup(context) {
        const { contestId } = await rankedContest(context);
        const now = Date.now();
        const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
        const open = `${contestId}-b`;
        await insertDocument('contests', { _id: open, title: '久治县职工工运史知识竞赛', startsAt: at(now - 3_600_000), endsAt: at(now + 86_400_000), histories: ['labor'], questionCount: 10, timeLimitSeconds: 600, orgIds: [rankUnion.id], createdBy: 'preview-rank-admin', createdAt: at(now) });
        await context.invoke('quiz', 'startContest', { contestId: open });
      },
    },
    { name: 'empty' },
    { name: 'error', offline: true },
  ],
};
