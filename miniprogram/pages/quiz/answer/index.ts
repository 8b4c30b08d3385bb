import type { PublicQuestion } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { choiceData, choiceOf, optionLabels, secondsLeft, shownQuestion, typeNames, type ShownQuestion } from './answerState';
import { questionSkeleton } from '../questionSkeleton';
import { elderMode } from '../../../behaviors/elderMode';

// The countdown is the one thing kept outside page data: an interval handle is not view state.
let timer: ReturnType<typeof setInterval> | null = null;

function stopTimer(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

const leaveWarning = '试卷还没有交,离开后计时不会停止,超时按已答部分计分。';

/** 答题: one question at a time, a countdown to the server's deadline, then 交卷 (asked first when some are unanswered). */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query: ?contestId=… for a contest paper; without it, today's daily paper.
    contestId: { type: String, value: '' },
  },
  data: {
    loading: true,
    error: '',
    attemptId: '',
    deadline: '',
    questions: [] as PublicQuestion[],
    /** The worker's choices so far, by question id (opaque option ids). */
    choices: {} as Record<string, string[]>,
    answeredCount: 0,
    current: 0,
    total: 0,
    question: null as ShownQuestion | null,
    typeName: '',
    ...choiceData([]),
    labels: optionLabels,
    marks: {} as Record<string, string>,
    remaining: 0,
    submitting: false,
    submitted: false,
    dialog: closedDialog,
    skeletonRows: questionSkeleton,
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
      this.setData({ loading: true, error: '' });
      const contestId = this.data.contestId as string;
      const reply = contestId ? await api.quiz.startContest({ contestId }) : await api.quiz.startDaily({});
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message });
        return;
      }
      const paper = reply.data;
      this.setData({ loading: false, attemptId: paper.attemptId, deadline: paper.deadline, questions: paper.questions, choices: {}, answeredCount: 0, total: paper.questions.length, remaining: secondsLeft(paper.deadline, Date.now()) });
      this.show(0);
      stopTimer();
      timer = setInterval(() => this.tick(), 1000);
      // The system back gesture asks too (WeChat's own modal; t-dialog cannot intercept it).
      wx.enableAlertBeforeUnload?.({ message: leaveWarning });
    },
    tick() {
      if (!this.data.deadline || this.data.submitted) return;
      const remaining = secondsLeft(this.data.deadline, Date.now());
      this.setData({ remaining });
      if (remaining === 0) {
        showToast(this, '时间到,自动交卷', 'warning');
        void this.submit();
      }
    },
    show(current: number) {
      const question = this.data.questions[current];
      if (!question) return;
      this.setData({ current, question: shownQuestion(question), typeName: typeNames[question.type], ...choiceData(this.data.choices[question.id] ?? []) });
    },
    onChoose(event: WechatMiniprogram.CustomEvent<{ value: string | string[] }>) {
      const question = this.data.question;
      if (!question || this.data.submitting) return;
      const choice = choiceOf(question, event.detail.value);
      const choices = { ...this.data.choices, [question.id]: choice };
      this.setData({ ...choiceData(choice), [`choices.${question.id}`]: choice, answeredCount: Object.values(choices).filter((c) => c.length > 0).length });
    },
    onPrevious() {
      if (this.data.current > 0) this.show(this.data.current - 1);
    },
    onNext() {
      if (this.data.current < this.data.total - 1) this.show(this.data.current + 1);
    },
    onSubmit() {
      if (this.data.submitting || this.data.submitted) return;
      const unanswered = this.data.total - this.data.answeredCount;
      if (unanswered > 0) this.setData(askDialog('submit', '确定交卷吗?', `还有 ${unanswered} 题没有作答,交卷后不能再改。`, '交卷'));
      else void this.submit();
    },
    onLeave() {
      this.setData(askDialog('leave', '离开答题?', leaveWarning, '离开'));
    },
    onDialogConfirm() {
      const action = this.data.dialog.action;
      this.setData({ dialog: closedDialog });
      if (action === 'submit') void this.submit();
      if (action === 'leave') {
        wx.disableAlertBeforeUnload?.();
        wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/study/index' }) });
      }
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog });
    },
    async submit() {
      if (!this.data.attemptId || this.data.submitting || this.data.submitted) return;
      stopTimer();
      this.setData({ submitting: true });
      const answers = this.data.questions.map((q) => ({ questionId: q.id, choice: this.data.choices[q.id] ?? [] }));
      const reply = await api.quiz.submitAttempt({ attemptId: this.data.attemptId, answers });
      if (!reply.ok) {
        this.setData({ submitting: false });
        showToast(this, reply.message, 'error');
        if (this.data.remaining > 0) timer = setInterval(() => this.tick(), 1000);
        return;
      }
      this.setData({ submitted: true });
      wx.disableAlertBeforeUnload?.();
      wx.redirectTo({ url: `/pages/quiz/result/index?attemptId=${reply.data.attemptId}` });
    },
  },
});
