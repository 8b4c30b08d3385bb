import type { RequestSummary } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { askForSubscription, statusChangedSinceSeen } from '../../../services/subscribe';
import { withStatusTags, type TagTheme } from '../../../services/requestStatusTags';

type Row = RequestSummary & { tagTheme: TagTheme; createdText: string };

const pageSize = 20;

/** The filing day as the worker reads it (Shanghai time), e.g. 2026-11-25. */
const dayOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const rowsOf = (requests: RequestSummary[]): Row[] => withStatusTags(requests).map((r) => ({ ...r, createdText: dayOf(r.createdAt) }));

/** 我的诉求: the worker's requests with status tags, newest first, a page at a time. */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as Row[],
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request or the form: statuses may have moved.
      if (!this.data.loading) void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<Row>> {
      const reply = await api.requests.listMine({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      return reply.ok ? { ok: true, page: { items: rowsOf(reply.data.requests), next: reply.data.nextCursor } } : reply;
    },
    async onOpen(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const row = this.data.items[Number(event.currentTarget.dataset.index)];
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
