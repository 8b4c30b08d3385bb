import { ref, type Ref } from 'vue';
import type { Reply } from '../api';

/** One page of a list as the server sends it: the rows and the cursor of the next page (null: the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A table paged by the server's cursor, with 上一页 / 下一页: the rows of the page shown, its
 * loading and error states, and the cursors of the pages seen, so going back reads the same page.
 */
export function useCursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<Reply<CursorPage<T>>>) {
  const rows = ref<T[]>([]) as Ref<T[]>;
  const state = ref<'loading' | 'ready' | 'error'>('loading');
  const error = ref('');
  /** Cursors of the pages seen so far: index 0 is the first page (no cursor). */
  const cursors = ref<Array<string | undefined>>([undefined]);
  const pageIndex = ref(0);
  const nextCursor = ref<string | null>(null);

  async function load(index: number): Promise<void> {
    state.value = 'loading';
    const reply = await fetchPage(cursors.value[index]);
    if (!reply.ok) {
      state.value = 'error';
      error.value = reply.message;
      return;
    }
    rows.value = reply.data.items;
    nextCursor.value = reply.data.nextCursor;
    pageIndex.value = index;
    cursors.value = [...cursors.value.slice(0, index + 1), ...(reply.data.nextCursor ? [reply.data.nextCursor] : [])];
    state.value = 'ready';
  }

  /** The first page again, forgetting the cursors (the filters changed). */
  function restart(): Promise<void> {
    cursors.value = [undefined];
    return load(0);
  }

  return { rows, state, error, pageIndex, nextCursor, load, restart };
}
