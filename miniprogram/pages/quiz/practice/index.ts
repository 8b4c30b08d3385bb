import type { AnswerVerdict } from '../../../../server/contracts/quiz';
import type { HistoryKey } from '../../../../server/contracts/content';
import { api } from '../../../services/api';
import { chosenMap, optionLabels, shownQuestion, toggleChoice, typeNames, type ShownQuestion } from '../answer/answerState';
import { answerText } from '../answer/verdictView';

let chosen: string[] = [];

/** 专项练习 (by history) and 错题本 review: the server checks each answer and explains it at once. */
Component({
  properties: {
    // The page query: ?from=history&history=party or ?from=wrongBook.
    from: { type: String, value: 'history' },
    history: { type: String, value: 'party' },
  },
  data: {
    loading: true,
    error: '',
    question: null as ShownQuestion | null,
    typeName: '',
    labels: optionLabels,
    chosen: {} as Record<string, boolean>,
    verdict: null as AnswerVerdict | null,
    rightText: '',
    answered: 0,
    rightCount: 0,
  },
  lifetimes: {
    attached() {
      void this.next();
    },
  },
  methods: {
    async next() {
      chosen = [];
      this.setData({ loading: true, error: '', verdict: null, chosen: {}, question: null });
      const input = this.data.from === 'wrongBook' ? { from: 'wrongBook' as const } : { from: 'history' as const, history: this.data.history as HistoryKey };
      const reply = await api.quiz.practiceNext(input);
      if (!reply.ok) return this.setData({ loading: false, error: reply.message, question: null });
      this.setData({ loading: false, question: shownQuestion(reply.data.question), typeName: typeNames[reply.data.question.type] });
    },
    onChoose(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const question = this.data.question;
      if (!question || this.data.verdict) return;
      chosen = toggleChoice(question.type, chosen, event.currentTarget.dataset.key);
      this.setData({ chosen: chosenMap(chosen) });
    },
    async onCheck() {
      const question = this.data.question;
      if (!question || this.data.verdict || chosen.length === 0) return;
      const reply = await api.quiz.practiceAnswer({ questionId: question.id, choice: chosen as Array<'A' | 'B' | 'C' | 'D' | 'E'> });
      if (!reply.ok) return this.setData({ error: reply.message });
      this.setData({
        verdict: reply.data,
        rightText: answerText(question, reply.data),
        answered: this.data.answered + 1,
        rightCount: this.data.rightCount + (reply.data.correct ? 1 : 0),
      });
    },
  },
});
