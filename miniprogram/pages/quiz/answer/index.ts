import type { PublicQuestion } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { askDialog, closedDialog, noticeDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { choiceData, choiceOf, closedCountdownEnd, optionLabels, secondsLeft, shownQuestion, typeNames, type ShownQuestion } from './answerState';
import { questionSkeleton } from '../questionSkeleton';
import { elderMode } from '../../../behaviors/elderMode';
import { clockText } from './answerState';

// The countdown and the contest check are kept outside page data: interval handles are not view state.
let timer: ReturnType<typeof setInterval> | null = null;
let deadlineCheck: ReturnType<typeof setInterval> | null = null;

function stopTimer(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

function stopDeadlineCheck(): void {
  if (deadlineCheck) clearInterval(deadlineCheck);
  deadlineCheck = null;
}

/**
 * How often a contest paper asks whether its contest was ended early. Each ask is one call of two
 * small reads: a 100,000-worker contest answering at once makes about 1,700 calls a second, a
 * 30-minute paper at most 30 asks (plus one each time the page shows again). The daily paper never asks.
 */
const deadlineCheckMs = 60_000;

const leaveWarning = '试卷还没有交,离开后计时不会停止,超时按已答部分计分。';

/** 答题: one question at a time, a countdown to the server's deadline, then 交卷 (asked first when some are unanswered). */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query: ?contestId=… for a contest paper; without it, today's daily paper.
    contestId: { type: String, value: '' },
  },
  observers: {
    // Every change of the seconds left (the tick, a new paper) shows as a clock: 剩余 5:00.
    remaining(seconds: number) {
      this.setData({ clock: clockText(seconds) });
    },
  },
  data: {
    loading: true,
    error: '',
    attemptId: '',
    /** 'daily' or 'contest': only a contest paper watches for an early close. */
    kind: '',
    deadline: '',
    /** The contest was ended early (the countdown then ends by its close). */
    closedEarly: false,
    /** Why the server no longer takes this paper (ATTEMPT_EXPIRED), once a submission was refused. */
    expired: '',
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
    clock: '',
    submitting: false,
    submitted: false,
    dialog: closedDialog,
    skeletonRows: questionSkeleton,
  },
  lifetimes: {
    attached() {
      // The page's title is 每日答题 (app.json); a contest paper says what it is from the first frame.
      if (this.data.contestId) wx.setNavigationBarTitle?.({ title: '竞赛答题' });
      void this.start();
    },
    detached() {
      stopTimer();
      stopDeadlineCheck();
    },
  },
  pageLifetimes: {
    show() {
      // Back from the background (where timers sleep): the contest may have been ended meanwhile.
      if (this.data.kind !== 'contest' || this.data.submitted || this.data.expired) return;
      void this.checkDeadline();
      this.watchDeadline();
    },
    hide() {
      stopDeadlineCheck();
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
      this.setData({ loading: false, attemptId: paper.attemptId, kind: paper.kind, deadline: paper.deadline, closedEarly: false, expired: '', questions: paper.questions, choices: {}, answeredCount: 0, total: paper.questions.length, remaining: secondsLeft(paper.deadline, Date.now()) });
      this.show(0);
      stopTimer();
      timer = setInterval(() => this.tick(), 1000);
      if (paper.kind === 'contest') this.watchDeadline();
      // The system back gesture asks too (WeChat's own modal; t-dialog cannot intercept it).
      wx.enableAlertBeforeUnload?.({ message: leaveWarning });
    },
    /** Asks every minute (while the page shows) whether the contest was ended early. */
    watchDeadline() {
      stopDeadlineCheck();
      if (!this.data.closedEarly) deadlineCheck = setInterval(() => void this.checkDeadline(), deadlineCheckMs);
    },
    /**
     * A contest ended early ends this paper at the close: the server takes it until the close plus
     * its grace, so the countdown moves there (less the time to send it) and the worker is told once;
     * already past that, what is answered goes in now.
     */
    async checkDeadline() {
      if (this.data.kind !== 'contest' || !this.data.attemptId || this.data.closedEarly || this.data.submitting || this.data.submitted || this.data.expired) return;
      const reply = await api.quiz.getAttemptDeadline({ attemptId: this.data.attemptId });
      // A failed ask changes nothing: the next one asks again, and 交卷 answers for itself.
      if (!reply.ok || !reply.data.closedEarly || this.data.closedEarly || this.data.submitting || this.data.submitted) return;
      // A contest closes once: nothing more to watch.
      stopDeadlineCheck();
      this.setData({ closedEarly: true });
      // Closed after this paper's own time: its countdown already ends first.
      if (new Date(reply.data.deadline).getTime() >= new Date(this.data.deadline).getTime()) return;
      const deadline = closedCountdownEnd(this.data.deadline, reply.data.acceptedUntil);
      const remaining = secondsLeft(deadline, Date.now());
      this.setData({ deadline, remaining });
      if (remaining === 0) {
        // Past that already: send what is answered at once (the server decides; a refusal is said plainly).
        showToast(this, '组织者已提前结束本次竞赛,正在按已答部分交卷', 'warning', 3000);
        void this.submit();
        return;
      }
      this.setData(noticeDialog('closed', '竞赛已提前结束', `组织者已提前结束本次竞赛,请在 ${remaining} 秒内交卷;时间到将按已答部分自动交卷。`));
    },
    tick() {
      if (!this.data.deadline || this.data.submitted || this.data.expired) return;
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
      if (!question || this.data.submitting || this.data.expired) return;
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
      if (this.data.submitting || this.data.submitted || this.data.expired) return;
      const unanswered = this.data.total - this.data.answeredCount;
      if (unanswered > 0) this.setData(askDialog('submit', '确定交卷吗?', `还有 ${unanswered} 题没有作答,交卷后不能再改。`, '交卷'));
      else void this.submit();
    },
    onLeave() {
      // A paper the server no longer takes has nothing left to lose.
      if (this.data.expired) this.leave();
      else this.setData(askDialog('leave', '离开答题?', leaveWarning, '离开'));
    },
    leave() {
      wx.disableAlertBeforeUnload?.();
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/study/index' }) });
    },
    onDialogConfirm() {
      const action = this.data.dialog.action;
      this.setData({ dialog: closedDialog });
      if (action === 'submit') void this.submit();
      if (action === 'leave' || action === 'expired') this.leave();
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog });
    },
    async submit() {
      if (!this.data.attemptId || this.data.submitting || this.data.submitted) return;
      stopTimer();
      stopDeadlineCheck();
      // Time ran out or the contest closed while a question was open: the dialog goes with the paper.
      this.setData({ submitting: true, dialog: closedDialog });
      const answers = this.data.questions.map((q) => ({ questionId: q.id, choice: this.data.choices[q.id] ?? [] }));
      const reply = await api.quiz.submitAttempt({ attemptId: this.data.attemptId, answers });
      if (!reply.ok && reply.code === 'ATTEMPT_EXPIRED') {
        // The server no longer takes this paper: say so plainly, once, and offer to leave (another try cannot help).
        wx.disableAlertBeforeUnload?.();
        this.setData({ submitting: false, expired: reply.message, ...askDialog('expired', '未能交卷', `${reply.message}。已作答的内容没有计入。`, '离开') });
        return;
      }
      if (!reply.ok) {
        this.setData({ submitting: false });
        showToast(this, reply.message, 'error');
        if (this.data.remaining > 0) timer = setInterval(() => this.tick(), 1000);
        if (this.data.kind === 'contest') this.watchDeadline();
        return;
      }
      this.setData({ submitted: true });
      wx.disableAlertBeforeUnload?.();
      wx.redirectTo({ url: `/pages/quiz/result/index?attemptId=${reply.data.attemptId}` });
    },
  },
});
