import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { reportViews, type ReportView } from './reportView';
import { elderMode } from '../../../behaviors/elderMode';

/** 我的纠错: the worker's reports and the editors' answers, 20 at a time. */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    loadingMore: false,
    error: '',
    items: [] as ReportView[],
    nextCursor: null as string | null,
    skeletonRows: [{ width: '100%', height: '160rpx' }, { width: '100%', height: '160rpx' }],
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async refresh() {
      this.setData({ loading: true, error: '' });
      const reply = await api.quiz.listMyReports({});
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message });
        return;
      }
      this.setData({ loading: false, items: reportViews(reply.data.items), nextCursor: reply.data.nextCursor });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.loading) return;
      this.setData({ loadingMore: true });
      const reply = await api.quiz.listMyReports({ cursor });
      if (!reply.ok) {
        this.setData({ loadingMore: false });
        showToast(this, reply.message, 'error');
        return;
      }
      const start = this.data.items.length;
      const appended = Object.fromEntries(reportViews(reply.data.items).map((item, i) => [`items[${start + i}]`, item]));
      this.setData({ ...appended, loadingMore: false, nextCursor: reply.data.nextCursor });
    },
    async onPullDownRefresh() {
      await this.refresh();
      wx.stopPullDownRefresh?.();
    },
    onReachBottom() {
      void this.loadMore();
    },
    onStudy() {
      wx.navigateTo({ url: '/pages/quiz/study/index?history=party' });
    },
  },
});
