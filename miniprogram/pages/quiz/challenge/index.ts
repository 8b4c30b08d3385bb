import type { ChallengeStep } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { chosenMap, optionLabels, shownQuestion, toggleChoice, typeNames, type ShownQuestion } from '../answer/answerState';

let chosen: string[] = [];
let attemptId = '';

/** 挑战答题: one question at a time until the first wrong answer; the streak is the score. */
Component({
  data: {
    loading: true,
    error: '',
    question: null as ShownQuestion | null,
    typeName: '',
    labels: optionLabels,
    chosen: {} as Record<string, boolean>,
    streak: 0,
    finished: false,
    last: null as ChallengeStep | null,
  },
  lifetimes: {
    attached() {
      void this.start();
    },
  },
  methods: {
    async start() {
      chosen = [];
      this.setData({ loading: true, error: '', finished: false, last: null, streak: 0, chosen: {} });
      const reply = await api.quiz.challengeStart({});
      if (!reply.ok) return this.setData({ loading: false, error: reply.message });
      attemptId = reply.data.attemptId;
      this.setData({ loading: false, question: shownQuestion(reply.data.question), typeName: typeNames[reply.data.question.type] });
    },
    onChoose(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const question = this.data.question;
      if (!question || this.data.finished) return;
      chosen = toggleChoice(question.type, chosen, event.currentTarget.dataset.key);
      this.setData({ chosen: chosenMap(chosen) });
    },
    async onAnswer() {
      const question = this.data.question;
      if (!question || this.data.finished || chosen.length === 0) return;
      const reply = await api.quiz.challengeAnswer({ attemptId, questionId: question.id, choice: chosen as Array<'A' | 'B' | 'C' | 'D' | 'E'> });
      if (!reply.ok) return this.setData({ error: reply.message });
      chosen = [];
      const step = reply.data;
      if (step.next) this.setData({ streak: step.streak, question: shownQuestion(step.next), typeName: typeNames[step.next.type], chosen: {} });
      else this.setData({ streak: step.streak, finished: true, last: step });
    },
  },
});
