import type { HistoryKey } from '../../../../server/contracts/content';
import type { StudyCard } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { historyNames } from '../../../services/historyNames';
import { showToast } from '../../../services/pageToast';
import { typeNames } from '../answer/answerState';
import { elderMode } from '../../../behaviors/elderMode';

type CardView = StudyCard & { typeName: string };

function cardViews(cards: StudyCard[]): CardView[] {
  return cards.map((c) => ({ ...c, typeName: typeNames[c.type] }));
}

/** 背题: the practice pool with answers, explanations and sources, ten at a time, with 纠错 on every card. */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query: ?history=party
    history: { type: String, value: 'party' },
  },
  data: {
    histories: historyNames,
    loading: true,
    loadingMore: false,
    error: '',
    cards: [] as CardView[],
    total: 0,
    nextCursor: null as string | null,
    reportFor: '',
    reported: {} as Record<string, boolean>,
    skeletonRows: [{ width: '100%', height: '320rpx' }, { width: '100%', height: '320rpx' }],
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async refresh() {
      this.setData({ loading: true, error: '' });
      const reply = await api.quiz.browseQuestions({ history: this.data.history as HistoryKey });
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message, cards: [] });
        return;
      }
      this.setData({ loading: false, cards: cardViews(reply.data.items), total: reply.data.total, nextCursor: reply.data.nextCursor });
    },
    async loadMore() {
      const after = this.data.nextCursor;
      if (!after || this.data.loadingMore || this.data.loading) return;
      this.setData({ loadingMore: true });
      const reply = await api.quiz.browseQuestions({ history: this.data.history as HistoryKey, after });
      if (!reply.ok) {
        this.setData({ loadingMore: false });
        showToast(this, reply.message, 'error');
        return;
      }
      const start = this.data.cards.length;
      // Only the new cards travel: setData by path keeps each call small as the list grows.
      const appended = Object.fromEntries(cardViews(reply.data.items).map((card, i) => [`cards[${start + i}]`, card]));
      this.setData({ ...appended, loadingMore: false, nextCursor: reply.data.nextCursor });
    },
    onHistory(event: WechatMiniprogram.CustomEvent<{ value: HistoryKey }>) {
      if (event.detail.value === this.data.history) return;
      this.setData({ history: event.detail.value, cards: [], nextCursor: null, total: 0 });
      void this.refresh();
    },
    async onPullDownRefresh() {
      this.setData({ cards: [], nextCursor: null });
      await this.refresh();
      wx.stopPullDownRefresh?.();
    },
    onReachBottom() {
      void this.loadMore();
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
  },
});
