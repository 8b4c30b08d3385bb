import type { RequestSummary } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askForSubscription, statusChangedSinceSeen } from '../../../services/subscribe';
import { showToast } from '../../../services/pageToast';
import { withStatusTags, type TagTheme } from '../../../services/requestStatusTags';

type Row = RequestSummary & { tagTheme: TagTheme; createdText: string };

const pageSize = 20;

/** The filing day as the worker reads it (Shanghai time), e.g. 2026-11-25. */
const dayOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const rowsOf = (requests: RequestSummary[]): Row[] => withStatusTags(requests).map((r) => ({ ...r, createdText: dayOf(r.createdAt) }));

/** 我的诉求: the worker's requests with status tags, newest first, a page at a time. */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    requests: [] as Row[],
    nextCursor: null as string | null,
    loadingMore: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request or the form: statuses may have moved.
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async load() {
      const result = await api.requests.listMine({ limit: pageSize });
      if (result.ok) this.setData({ loading: false, requests: rowsOf(result.data.requests), nextCursor: result.data.nextCursor, error: '' });
      else this.setData({ loading: false, error: result.message });
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    onReachBottom() {
      return this.onMore();
    },
    async onMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const result = await api.requests.listMine({ cursor, limit: pageSize });
      if (!result.ok) {
        this.setData({ loadingMore: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ loadingMore: false, requests: [...this.data.requests, ...rowsOf(result.data.requests)], nextCursor: result.data.nextCursor });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    async onOpen(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const row = this.data.requests[Number(event.currentTarget.dataset.index)];
      if (!row) return;
      // A request whose status moved since it was last opened: ask for the next notice (it needs the tap).
      if (statusChangedSinceSeen(row.id, row.status)) await askForSubscription('openRequest');
      wx.navigateTo({ url: `/pages/requests/detail/index?requestId=${row.id}`, fail: () => undefined });
    },
    onFile() {
      wx.navigateTo({ url: '/pages/requests/form/index' });
    },
  },
});
