import { showToast } from '../services/pageToast';

/** One page of a list as the page's fetchPage hands it over: rows for the view, the next cursor. */
export interface ListPage<T> {
  items: T[];
  /** Where the next page starts (the server's cursor), null at the end. */
  next: string | null;
  /** Other data the reply carries (a total), set with the rows. */
  extra?: Record<string, unknown>;
}

export type ListReply<T> = { ok: true; page: ListPage<T> } | { ok: false; message: string };

/** What a page using pagedList provides: one page of its list from a cursor (null: the first). */
export interface PagedListHost {
  fetchPage(cursor: string | null): Promise<ListReply<unknown>>;
}

interface ListState {
  /** Each refresh's number: a reply overtaken by a newer refresh (a new tab, a pull-down) is dropped. */
  sequence: number;
}

type ListData = { items: unknown[]; nextCursor: string | null; loading: boolean; loadingMore: boolean; loaded: boolean; error: string };

interface ListInstance {
  data: ListData;
  setData(data: Record<string, unknown>): void;
  selectComponent(selector: string): unknown;
  pagedListState?: ListState;
}

function host(self: unknown): ListInstance & PagedListHost {
  return self as ListInstance & PagedListHost;
}

function state(self: ListInstance): ListState {
  self.pagedListState ??= { sequence: 0 };
  return self.pagedListState;
}

/**
 * A list paged by the server's cursor, the same on every list page: `items` and `nextCursor`,
 * loading / loadingMore / loaded / error for the skeleton, the empty and the error states; the
 * next page appended by path at the bottom (only new rows travel in setData); pull-down refresh
 * from the top with a toast; a failed later page keeps what is shown and says so in a toast.
 * The page calls refresh() when it opens (or its tab changes) and supplies fetchPage(cursor).
 */
export const pagedList = Behavior({
  data: { items: [] as unknown[], nextCursor: null as string | null, loading: true, loadingMore: false, loaded: false, error: '' },
  methods: {
    /** The first page again: what is shown stays until it arrives. */
    async refresh(): Promise<boolean> {
      const self = host(this);
      const sequence = ++state(self).sequence;
      self.setData({ loading: true, loadingMore: false, error: '' });
      const reply = await self.fetchPage(null);
      if (sequence !== state(self).sequence) return false;
      if (!reply.ok) {
        const shown = self.data.items.length > 0;
        self.setData({ loading: false, error: shown ? '' : reply.message });
        if (shown) showToast(self, reply.message, 'error');
        return false;
      }
      self.setData({ loading: false, loaded: true, items: reply.page.items, nextCursor: reply.page.next, ...reply.page.extra });
      return true;
    },
    /** Starts afresh with nothing shown (another tab or history): the skeleton, then its first page. */
    restart(): Promise<boolean> {
      host(this).setData({ items: [], nextCursor: null, loaded: false });
      return (this as unknown as { refresh(): Promise<boolean> }).refresh();
    },
    async loadMore(): Promise<void> {
      const self = host(this);
      const cursor = self.data.nextCursor;
      if (!cursor || self.data.loading || self.data.loadingMore) return;
      const sequence = state(self).sequence;
      self.setData({ loadingMore: true });
      const reply = await self.fetchPage(cursor);
      if (sequence !== state(self).sequence) return;
      if (!reply.ok) {
        self.setData({ loadingMore: false });
        showToast(self, reply.message, 'error');
        return;
      }
      const start = self.data.items.length;
      const patch: Record<string, unknown> = { loadingMore: false, nextCursor: reply.page.next, ...reply.page.extra };
      reply.page.items.forEach((item, i) => (patch[`items[${start + i}]`] = item));
      self.setData(patch);
    },
    onReachBottom() {
      void (this as unknown as { loadMore(): Promise<void> }).loadMore();
    },
    async onPullDownRefresh() {
      const ok = await (this as unknown as { refresh(): Promise<boolean> }).refresh();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(host(this), '已刷新', 'success', 1000);
    },
    onRetry() {
      void (this as unknown as { refresh(): Promise<boolean> }).refresh();
    },
  },
});
