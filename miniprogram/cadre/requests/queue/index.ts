import type { QueueItem, RequestCategory, RequestStatus } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { withStatusTags, type TagTheme } from '../../../services/requestStatusTags';

const statusOptions: Array<{ value: RequestStatus | ''; label: string }> = [
  { value: '', label: '全部状态' },
  { value: 'submitted', label: '待受理' },
  { value: 'transferred', label: '已转办' },
  { value: 'reopened', label: '重新办理' },
  { value: 'accepted', label: '已受理' },
  { value: 'in_progress', label: '办理中' },
  { value: 'resolved', label: '已办结' },
  { value: 'closed', label: '已完成' },
];

type Sort = 'deadline' | 'newest';
const sortOptions: Array<{ value: Sort; label: string }> = [
  { value: 'deadline', label: '按办结时限' },
  { value: 'newest', label: '最新提交' },
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
    statusOptions,
    status: '' as RequestStatus | '',
    categoryOptions: [{ value: '', label: '全部类别' }] as Array<{ value: RequestCategory | ''; label: string }>,
    category: '' as RequestCategory | '',
    overdueOnly: false,
    sortOptions,
    sort: 'deadline' as Sort,
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
        this.setData({ categoryOptions: [{ value: '', label: '全部类别' }, ...options.data.categories.map((c) => ({ value: c.key, label: c.label }))] });
      }
      await this.refresh();
    },
    filter(cursor: string | null) {
      const { status, category } = this.data;
      return {
        ...(status ? { status } : {}),
        ...(category ? { category } : {}),
        ...(this.data.overdueOnly ? { overdue: true } : {}),
        sort: this.data.sort,
        limit: pageSize,
        ...(cursor ? { cursor } : {}),
      };
    },
    async fetchPage(cursor: string | null): Promise<ListReply<Row>> {
      const reply = await api.requests.queuePage(this.filter(cursor));
      return reply.ok ? { ok: true, page: { items: withStatusTags(reply.data.items), next: reply.data.nextCursor } } : reply;
    },
    /** t-dropdown-item's change: the chosen option's value. */
    onStatusChange(event: WechatMiniprogram.CustomEvent<{ value: RequestStatus | '' }>) {
      this.setData({ status: event.detail.value });
      return this.restart();
    },
    onCategoryChange(event: WechatMiniprogram.CustomEvent<{ value: RequestCategory | '' }>) {
      this.setData({ category: event.detail.value });
      return this.restart();
    },
    onSortChange(event: WechatMiniprogram.CustomEvent<{ value: Sort }>) {
      this.setData({ sort: event.detail.value });
      return this.restart();
    },
    onToggleOverdue() {
      this.setData({ overdueOnly: !this.data.overdueOnly });
      return this.restart();
    },
  },
});
