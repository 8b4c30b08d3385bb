import type { RequestCategory, RequestStatus, RequestSummary } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { elderMode } from '../../../behaviors/elderMode';

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

/** A cadre's queue: requests of their organisations and the organisations below, filtered. */
Component({
  behaviors: [elderMode],
  data: {
    requests: [] as RequestSummary[],
    statusLabels: statusFilters.map((s) => s.label),
    statusIndex: 0,
    categories: [] as Array<{ key: RequestCategory | ''; label: string }>,
    categoryLabels: [] as string[],
    categoryIndex: 0,
    overdueOnly: false,
    loaded: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.loaded) void this.load();
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
    async load() {
      const status = statusFilters[this.data.statusIndex].key;
      const category = this.data.categories[this.data.categoryIndex]?.key ?? '';
      const result = await api.requests.queue({
        ...(status ? { status } : {}),
        ...(category ? { category } : {}),
        ...(this.data.overdueOnly ? { overdue: true } : {}),
      });
      if (result.ok) this.setData({ requests: result.data.requests, loaded: true, error: '' });
      else this.setData({ error: result.message, loaded: true });
    },
    onStatusChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ statusIndex: Number(event.detail.value) });
      return this.load();
    },
    onCategoryChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(event.detail.value) });
      return this.load();
    },
    onToggleOverdue() {
      this.setData({ overdueOnly: !this.data.overdueOnly });
      return this.load();
    },
  },
});
