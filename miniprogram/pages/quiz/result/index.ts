import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { drawPoster } from './drawPoster';
import { posterTexts } from './posterLayout';
import { resultView, type ReviewRow } from './resultView';

/** 成绩: score, rank and its change, and each question with its answer and explanation. */
Component({
  properties: {
    // The page query (?attemptId=…); without it, today's daily paper.
    attemptId: { type: String, value: '' },
  },
  data: {
    loading: true,
    error: '',
    score: 0,
    correctCount: 0,
    total: 0,
    timeUsed: 0,
    points: 0,
    rankText: '',
    rankChange: '',
    rows: [] as ReviewRow[],
    reportFor: '',
    reported: {} as Record<string, boolean>,
  },
  lifetimes: {
    attached() {
      // The group a share lands in is read from its shareTicket; sharing earns nothing.
      if (typeof wx.showShareMenu === 'function') wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] });
      void this.load();
    },
  },
  methods: {
    async load() {
      let attemptId = this.data.attemptId as string;
      if (!attemptId) {
        const status = await api.quiz.getDailyStatus({});
        if (!status.ok) return this.setData({ loading: false, error: status.message });
        attemptId = status.data.attemptId ?? '';
      }
      if (!attemptId) return this.setData({ loading: false, error: '今天还没有答题' });
      const reply = await api.quiz.getAttemptResult({ attemptId });
      if (!reply.ok) return this.setData({ loading: false, error: reply.message });
      this.setData({ loading: false, ...resultView(reply.data) });
    },
    onShareAppMessage() {
      return { title: `我在“读四史”每日答题中得了 ${this.data.score} 分,一起来挑战!`, path: '/pages/study/index' };
    },
    async onPoster() {
      try {
        const texts = posterTexts({ score: this.data.score, rankText: this.data.rankText, nickname: '我', day: new Date().toLocaleDateString('zh-CN') });
        const path = await drawPoster(this, texts);
        wx.previewImage({ urls: [path] });
      } catch (error) {
        console.warn('poster failed', error);
        this.setData({ error: '海报生成失败,请稍后再试' });
      }
    },
    onReport(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ reportFor: event.currentTarget.dataset.id });
    },
    onReportClose() {
      this.setData({ reportFor: '' });
    },
    onReportDone(event: WechatMiniprogram.CustomEvent<{ message: string; questionId: string }>) {
      this.setData({ reportFor: '', [`reported.${event.detail.questionId}`]: true });
      showToast(this, event.detail.message, 'success');
    },
    onLeaderboard() {
      wx.navigateTo({ url: '/pages/quiz/leaderboard/index' });
    },
  },
});
