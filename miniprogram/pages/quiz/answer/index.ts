import type { AttemptPaper } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { chosenMap, optionLabels, secondsLeft, shownQuestion, toggleChoice, typeNames, type ShownQuestion } from './answerState';

let timer: ReturnType<typeof setInterval> | null = null;
let paper: AttemptPaper | null = null;
let choices: Record<string, string[]> = {};

function stopTimer(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

/** 答题: one question at a time, a countdown to the server's deadline, then 交卷. */
Component({
  properties: {
    // The page query: ?contestId=… for a contest paper; without it, today's daily paper.
    contestId: { type: String, value: '' },
  },
  data: {
    loading: true,
    error: '',
    current: 0,
    total: 0,
    question: null as ShownQuestion | null,
    typeName: '',
    chosen: {} as Record<string, boolean>,
    labels: optionLabels,
    remaining: 0,
    submitting: false,
  },
  lifetimes: {
    attached() {
      void this.start();
    },
    detached() {
      stopTimer();
    },
  },
  methods: {
    async start() {
      const contestId = this.data.contestId as string;
      const reply = contestId ? await api.quiz.startContest({ contestId }) : await api.quiz.startDaily({});
      if (!reply.ok) return this.setData({ loading: false, error: reply.message });
      paper = reply.data;
      choices = {};
      this.setData({ loading: false, total: paper.questions.length, remaining: secondsLeft(paper.deadline, Date.now()) });
      this.show(0);
      stopTimer();
      timer = setInterval(() => this.tick(), 1000);
    },
    tick() {
      if (!paper) return;
      const remaining = secondsLeft(paper.deadline, Date.now());
      this.setData({ remaining });
      if (remaining === 0) void this.onSubmit();
    },
    show(current: number) {
      const question = paper?.questions[current] ?? null;
      if (!question) return;
      this.setData({ current, question: shownQuestion(question), typeName: typeNames[question.type], chosen: chosenMap(choices[question.id] ?? []) });
    },
    onChoose(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const question = this.data.question;
      if (!question) return;
      choices[question.id] = toggleChoice(question.type, choices[question.id] ?? [], event.currentTarget.dataset.key);
      this.setData({ chosen: chosenMap(choices[question.id] ?? []) });
    },
    onPrevious() {
      if (this.data.current > 0) this.show(this.data.current - 1);
    },
    onNext() {
      if (this.data.current < this.data.total - 1) this.show(this.data.current + 1);
    },
    async onSubmit() {
      if (!paper || this.data.submitting) return;
      stopTimer();
      this.setData({ submitting: true, error: '' });
      const answers = paper.questions.map((q) => ({ questionId: q.id, choice: (choices[q.id] ?? []) as Array<'A' | 'B' | 'C' | 'D' | 'E'> }));
      const reply = await api.quiz.submitAttempt({ attemptId: paper.attemptId, answers });
      if (!reply.ok) return this.setData({ submitting: false, error: reply.message });
      wx.redirectTo({ url: `/pages/quiz/result/index?attemptId=${reply.data.attemptId}` });
    },
  },
});
