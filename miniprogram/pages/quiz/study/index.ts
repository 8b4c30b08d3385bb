import type { HistoryKey } from '../../../../server/contracts/content';
import type { StudyCard } from '../../../../server/contracts/quiz';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { historyNames } from '../../../services/historyNames';
import { showToast } from '../../../services/pageToast';
import { typeNames } from '../answer/answerState';

type CardView = StudyCard & { typeName: string };

function cardViews(cards: StudyCard[]): CardView[] {
  return cards.map((c) => ({ ...c, typeName: typeNames[c.type] }));
}

/** 背题: the practice pool with answers, explanations and sources, ten at a time, with 纠错 on every card. */
Component({
  behaviors: [elderMode, pagedList],
  properties: {
    // The page query: ?history=party
    history: { type: String, value: 'party' },
  },
  data: {
    histories: historyNames,
    items: [] as CardView[],
    total: 0,
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
    async fetchPage(after: string | null): Promise<ListReply<CardView>> {
      const reply = await api.quiz.browseQuestions({ history: this.data.history as HistoryKey, ...(after ? { after } : {}) });
      return reply.ok ? { ok: true, page: { items: cardViews(reply.data.items), next: reply.data.nextCursor, extra: { total: reply.data.total } } } : reply;
    },
    onHistory(event: WechatMiniprogram.CustomEvent<{ value: HistoryKey }>) {
      if (event.detail.value === this.data.history) return;
      this.setData({ history: event.detail.value, total: 0 });
      void this.restart();
    },
    /** Nothing to read here: the same history's 专项练习 still has questions to answer. */
    onPractice() {
      wx.navigateTo({ url: `/pages/quiz/practice/index?from=history&history=${this.data.history}` });
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
