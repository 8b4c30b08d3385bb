import type { WrongBookItem } from '../../../../server/contracts/quiz';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { historyNames } from '../../../services/historyNames';

const historyName = new Map(historyNames.map((h) => [h.key as string, h.name]));

type ItemView = WrongBookItem & { historyName: string };

function itemViews(items: WrongBookItem[]): ItemView[] {
  return items.map((i) => ({ ...i, historyName: historyName.get(i.history) ?? '' }));
}

/** 错题本: every wrong answer until it is answered right twice in a row, 20 at a time as the worker scrolls. */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as ItemView[],
    total: 0,
    skeletonRows: [{ width: '100%', height: '120rpx' }, { width: '100%', height: '120rpx' }, { width: '100%', height: '120rpx' }],
  },
  pageLifetimes: {
    // Back from a review the book has changed.
    show() {
      if (!this.data.loading) void this.refresh();
    },
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<ItemView>> {
      const reply = await api.quiz.listWrongBook(cursor ? { cursor } : {});
      return reply.ok ? { ok: true, page: { items: itemViews(reply.data.items), next: reply.data.nextCursor, extra: { total: reply.data.total } } } : reply;
    },
    onReview() {
      wx.navigateTo({ url: '/pages/quiz/practice/index?from=wrongBook' });
    },
    onStudy() {
      wx.navigateTo({ url: '/pages/quiz/study/index?history=party' });
    },
    onReports() {
      wx.navigateTo({ url: '/pages/quiz/reports/index' });
    },
    onPractice() {
      wx.navigateTo({ url: '/pages/quiz/practice/index?from=history&history=party' });
    },
  },
});
