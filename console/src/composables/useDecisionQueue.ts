import { ref } from 'vue';
import type { Reply } from '../api';
import { useCursorPages, type CursorPage } from './useCursorPages';

/**
 * A review queue paged by the server's cursor (入会审核, 读后感审核), with the row being decided.
 * A decided row leaves the queue; an emptied page is read again, as later rows move up (or the
 * page before it, when it was the last).
 */
export function useDecisionQueue<T>(fetchPage: (cursor: string | undefined) => Promise<Reply<CursorPage<T>>>, keyOf: (row: T) => string) {
  const pages = useCursorPages(fetchPage);
  const { rows, pageIndex, nextCursor, load } = pages;
  /** The key of the row whose decision is on its way ('' for none): one at a time. */
  const deciding = ref('');

  function leaveQueue(row: T): void {
    const key = keyOf(row);
    rows.value = rows.value.filter((r) => keyOf(r) !== key);
    if (rows.value.length === 0) void load(pageIndex.value > 0 && !nextCursor.value ? pageIndex.value - 1 : pageIndex.value);
  }

  /** Sends one decision with the row marked as deciding; what it resolves with is passed on. */
  async function whileDeciding<R>(row: T, send: () => Promise<R>): Promise<R> {
    deciding.value = keyOf(row);
    try {
      return await send();
    } finally {
      deciding.value = '';
    }
  }

  return { ...pages, deciding, leaveQueue, whileDeciding };
}
