import type { ChallengeStep } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { choiceData, choiceOf, optionLabels, shownQuestion, typeNames, type ShownQuestion } from '../answer/answerState';
import { answerText } from '../answer/verdictView';
import { questionSkeleton } from '../questionSkeleton';
import { elderMode } from '../../../behaviors/elderMode';

/** 挑战答题: one question at a time until the first wrong answer; the streak is the score. */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    answering: false,
    error: '',
    attemptId: '',
    question: null as ShownQuestion | null,
    typeName: '',
    labels: optionLabels,
    ...choiceData([]),
    marks: {} as Record<string, string>,
    streak: 0,
    finished: false,
    last: null as ChallengeStep | null,
    lastQuestion: null as ShownQuestion | null,
    rightText: '',
    dialog: closedDialog,
    skeletonRows: questionSkeleton,
    // 纠错 on the question that ended the run (the same sheet as the reviewed questions of 成绩).
    reportFor: '',
    reported: false,
  },
  lifetimes: {
    attached() {
      void this.start();
    },
  },
  methods: {
    async start() {
      this.setData({ loading: true, error: '', finished: false, last: null, lastQuestion: null, streak: 0, reportFor: '', reported: false, ...choiceData([]) });
      const reply = await api.quiz.challengeStart({});
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message });
        return;
      }
      this.setData({ loading: false, attemptId: reply.data.attemptId, question: shownQuestion(reply.data.question), typeName: typeNames[reply.data.question.type] });
    },
    onChoose(event: WechatMiniprogram.CustomEvent<{ value: string | string[] }>) {
      const question = this.data.question;
      if (!question || this.data.finished || this.data.answering) return;
      this.setData(choiceData(choiceOf(question, event.detail.value)));
    },
    async onAnswer() {
      const question = this.data.question;
      if (!question || this.data.finished || this.data.answering) return;
      if (this.data.choice.length === 0) {
        showToast(this, '请先选择答案', 'warning');
        return;
      }
      this.setData({ answering: true });
      const reply = await api.quiz.challengeAnswer({ attemptId: this.data.attemptId, questionId: question.id, choice: this.data.choice });
      this.setData({ answering: false });
      if (!reply.ok) {
        showToast(this, reply.message, 'error');
        return;
      }
      const step = reply.data;
      if (step.next) {
        this.setData({ streak: step.streak, question: shownQuestion(step.next), typeName: typeNames[step.next.type], ...choiceData([]) });
        showToast(this, `答对了,已连续 ${step.streak} 题`, 'success', 800);
      } else {
        this.setData({ streak: step.streak, finished: true, last: step, lastQuestion: question, rightText: answerText(question, step) });
        showToast(this, step.correct ? '挑战完成' : '回答错误,挑战结束', step.correct ? 'success' : 'error');
      }
    },
    onReport() {
      const question = this.data.lastQuestion;
      if (question && !this.data.reported) this.setData({ reportFor: question.id });
    },
    onReportClose() {
      this.setData({ reportFor: '' });
    },
    onReportDone(event: WechatMiniprogram.CustomEvent<{ message: string; questionId: string }>) {
      this.setData({ reportFor: '', reported: true });
      showToast(this, event.detail.message, 'success');
    },
    onLeave() {
      this.setData(askDialog('leave', '结束挑战?', `已连续答对 ${this.data.streak} 题。离开后本次挑战作废,不计积分。`, '结束'));
    },
    onDialogConfirm() {
      const action = this.data.dialog.action;
      this.setData({ dialog: closedDialog });
      if (action === 'leave') wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/study/index' }) });
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog });
    },
  },
});
