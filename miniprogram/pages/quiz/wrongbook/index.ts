import type { WrongBookItem } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { historyNames } from '../../../services/historyNames';
import { showToast } from '../../../services/pageToast';
import { elderMode } from '../../../behaviors/elderMode';

const historyName = new Map(historyNames.map((h) => [h.key as string, h.name]));

type ItemView = WrongBookItem & { historyName: string };

function itemViews(items: WrongBookItem[]): ItemView[] {
  return items.map((i) => ({ ...i, historyName: historyName.get(i.history) ?? '' }));
}

/** 错题本: every wrong answer until it is answered right twice in a row, 20 at a time as the worker scrolls. */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    loadingMore: false,
    error: '',
    items: [] as ItemView[],
    total: 0,
    nextCursor: null as string | null,
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
    async refresh() {
      this.setData({ loading: true, error: '' });
      const reply = await api.quiz.listWrongBook({});
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message });
        if (this.data.items.length > 0) showToast(this, reply.message, 'error');
        return;
      }
      this.setData({ loading: false, items: itemViews(reply.data.items), total: reply.data.total, nextCursor: reply.data.nextCursor });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.loading) return;
      this.setData({ loadingMore: true });
      const reply = await api.quiz.listWrongBook({ cursor });
      if (!reply.ok) {
        this.setData({ loadingMore: false });
        showToast(this, reply.message, 'error');
        return;
      }
      const start = this.data.items.length;
      // Append only the new rows: setData by path keeps each call small however long the list grows.
      const appended = Object.fromEntries(itemViews(reply.data.items).map((item, i) => [`items[${start + i}]`, item]));
      this.setData({ ...appended, loadingMore: false, total: reply.data.total, nextCursor: reply.data.nextCursor });
    },
    async onPullDownRefresh() {
      await this.refresh();
      wx.stopPullDownRefresh?.();
    },
    onReachBottom() {
      void this.loadMore();
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
