import type { QueueItem, RequestCategory, RequestStatus } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
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
  behaviors: [elderMode, pagedList],
  /** Opened with ?overdue=1 (诉求统计's 超时诉求): the overdue ones only. */
  properties: { overdue: { type: String, value: '' } },
  data: {
    items: [] as Row[],
    statusLabels: statusFilters.map((s) => s.label),
    statusIndex: 0,
    categories: [] as Array<{ key: RequestCategory | ''; label: string }>,
    categoryLabels: ['全部类别'],
    categoryIndex: 0,
    overdueOnly: false,
    sortLabels: sorts.map((s) => s.label),
    sortIndex: 0,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request: its status may have moved.
      if (!this.data.loading) void this.refresh();
    },
  },
  methods: {
    async init() {
      if (this.properties.overdue === '1') this.setData({ overdueOnly: true });
      const options = await api.requests.formOptions({});
      if (options.ok) {
        const categories = [{ key: '' as const, label: '全部类别' }, ...options.data.categories];
        this.setData({ categories, categoryLabels: categories.map((c) => c.label) });
      }
      await this.refresh();
    },
    filter(cursor: string | null) {
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
    async fetchPage(cursor: string | null): Promise<ListReply<Row>> {
      const reply = await api.requests.queuePage(this.filter(cursor));
      return reply.ok ? { ok: true, page: { items: withStatusTags(reply.data.items), next: reply.data.nextCursor } } : reply;
    },
    onStatusChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ statusIndex: Number(event.detail.value) });
      return this.restart();
    },
    onCategoryChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(event.detail.value) });
      return this.restart();
    },
    onSortChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ sortIndex: Number(event.detail.value) });
      return this.restart();
    },
    onToggleOverdue() {
      this.setData({ overdueOnly: !this.data.overdueOnly });
      return this.restart();
    },
  },
});
