import type { QueueItem, RequestCategory, RequestStatus } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { withStatusTags, type TagTheme } from '../../../services/requestStatusTags';

const statusFilters: Array<{ key: RequestStatus | ''; label: string }> = [
  { key: '', label: '全部状态' },
  { key: 'submitted', label: '待受理' },
  { key: 'transferred', label: '已转办' },
  { key: 'reopened', label: '重新办理' },
  { key: 'accepted', label: '已受理' },
  { key: 'in_progress', label: '办理中' },
  { key: 'resolved', label: '已办结' },
  { key: 'closed', label: '已完成' },
];

const sorts = [
  { key: 'deadline' as const, label: '按办结时限' },
  { key: 'newest' as const, label: '最新提交' },
];

const pageSize = 20;

type Row = QueueItem & { tagTheme: TagTheme };

/**
 * A cadre's queue: every request of their organisations and those below, filtered, sorted by the
 * resolve deadline or newest first, a page at a time by the server's cursor (queuePage).
 */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    requests: [] as Row[],
    nextCursor: null as string | null,
    loadingMore: false,
    statusLabels: statusFilters.map((s) => s.label),
    statusIndex: 0,
    categories: [] as Array<{ key: RequestCategory | ''; label: string }>,
    categoryLabels: ['全部类别'],
    categoryIndex: 0,
    overdueOnly: false,
    sortLabels: sorts.map((s) => s.label),
    sortIndex: 0,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request: its status may have moved.
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async init() {
      const options = await api.requests.formOptions({});
      if (options.ok) {
        const categories = [{ key: '' as const, label: '全部类别' }, ...options.data.categories];
        this.setData({ categories, categoryLabels: categories.map((c) => c.label) });
      }
      await this.load();
    },
    filter(cursor?: string) {
      const status = statusFilters[this.data.statusIndex].key;
      const category = this.data.categories[this.data.categoryIndex]?.key ?? '';
      return {
        ...(status ? { status } : {}),
        ...(category ? { category } : {}),
        ...(this.data.overdueOnly ? { overdue: true } : {}),
        sort: sorts[this.data.sortIndex].key,
        limit: pageSize,
        ...(cursor ? { cursor } : {}),
      };
    },
    async load() {
      const result = await api.requests.queuePage(this.filter());
      if (result.ok) this.setData({ loading: false, requests: withStatusTags(result.data.items), nextCursor: result.data.nextCursor, error: '' });
      else this.setData({ loading: false, requests: [], nextCursor: null, error: result.message });
    },
    reload() {
      this.setData({ loading: true });
      return this.load();
    },
    onRetry() {
      return this.reload();
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
      const result = await api.requests.queuePage(this.filter(cursor));
      if (!result.ok) {
        this.setData({ loadingMore: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ loadingMore: false, requests: [...this.data.requests, ...withStatusTags(result.data.items)], nextCursor: result.data.nextCursor });
    },
    onStatusChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ statusIndex: Number(event.detail.value) });
      return this.reload();
    },
    onCategoryChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(event.detail.value) });
      return this.reload();
    },
    onSortChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ sortIndex: Number(event.detail.value) });
      return this.reload();
    },
    onToggleOverdue() {
      this.setData({ overdueOnly: !this.data.overdueOnly });
      return this.reload();
    },
  },
});
