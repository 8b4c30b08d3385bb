import type { AnswerVerdict } from '../../../../server/contracts/quiz';
import type { HistoryKey } from '../../../../server/contracts/content';
import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { choiceData, choiceOf, optionLabels, shownQuestion, typeNames, type ShownQuestion } from '../answer/answerState';
import { answerText, optionMarks } from '../answer/verdictView';
import { questionSkeleton } from '../questionSkeleton';
import { elderMode } from '../../../behaviors/elderMode';

/** 专项练习 (by history) and 错题本 review: the server checks each answer and explains it at once. */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query: ?from=history&history=party or ?from=wrongBook.
    from: { type: String, value: 'history' },
    history: { type: String, value: 'party' },
  },
  data: {
    loading: true,
    checking: false,
    empty: false,
    error: '',
    question: null as ShownQuestion | null,
    typeName: '',
    labels: optionLabels,
    ...choiceData([]),
    marks: {} as Record<string, string>,
    verdict: null as AnswerVerdict | null,
    rightText: '',
    answered: 0,
    rightCount: 0,
    reportFor: '',
    reported: false,
    skeletonRows: questionSkeleton,
  },
  lifetimes: {
    attached() {
      void this.next();
    },
  },
  methods: {
    async next() {
      this.setData({ loading: true, error: '', empty: false, verdict: null, marks: {}, question: null, reported: false, ...choiceData([]) });
      const input = this.data.from === 'wrongBook' ? { from: 'wrongBook' as const } : { from: 'history' as const, history: this.data.history as HistoryKey };
      const reply = await api.quiz.practiceNext(input);
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message, empty: reply.code === 'WRONG_BOOK_EMPTY' || reply.code === 'NO_QUESTIONS' });
        return;
      }
      this.setData({ loading: false, question: shownQuestion(reply.data.question), typeName: typeNames[reply.data.question.type] });
    },
    onChoose(event: WechatMiniprogram.CustomEvent<{ value: string | string[] }>) {
      const question = this.data.question;
      if (!question || this.data.verdict) return;
      this.setData(choiceData(choiceOf(question, event.detail.value)));
    },
    async onCheck() {
      const question = this.data.question;
      if (!question || this.data.verdict || this.data.checking) return;
      if (this.data.choice.length === 0) {
        showToast(this, '请先选择答案', 'warning');
        return;
      }
      this.setData({ checking: true });
      const reply = await api.quiz.practiceAnswer({ questionId: question.id, choice: this.data.choice });
      this.setData({ checking: false });
      if (!reply.ok) {
        showToast(this, reply.message, 'error');
        return;
      }
      const verdict = reply.data;
      this.setData({
        verdict,
        marks: optionMarks(question, verdict.answer, this.data.choice),
        rightText: answerText(question, verdict),
        answered: this.data.answered + 1,
        rightCount: this.data.rightCount + (verdict.correct ? 1 : 0),
      });
      showToast(this, verdict.correct ? (verdict.pointsAwarded > 0 ? `回答正确,积分 +${verdict.pointsAwarded}` : '回答正确') : '回答错误,已记入错题本', verdict.correct ? 'success' : 'error', 1500);
    },
    onReport() {
      if (this.data.question) this.setData({ reportFor: this.data.question.id });
    },
    onReportClose() {
      this.setData({ reportFor: '' });
    },
    onReportDone(event: WechatMiniprogram.CustomEvent<{ message: string }>) {
      this.setData({ reportFor: '', reported: true });
      showToast(this, event.detail.message, 'success');
    },
    onBack() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/study/index' }) });
    },
  },
});
