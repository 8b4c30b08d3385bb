import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { reportViews, type ReportView } from './reportView';

/** 我的纠错: the worker's reports and the editors' answers, 20 at a time. */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as ReportView[],
    skeletonRows: [{ width: '100%', height: '160rpx' }, { width: '100%', height: '160rpx' }],
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<ReportView>> {
      const reply = await api.quiz.listMyReports(cursor ? { cursor } : {});
      return reply.ok ? { ok: true, page: { items: reportViews(reply.data.items), next: reply.data.nextCursor } } : reply;
    },
    onStudy() {
      wx.navigateTo({ url: '/pages/quiz/study/index?history=party' });
    },
  },
});
