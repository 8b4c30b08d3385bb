import type { HistoryKey } from '../../server/contracts/content';

/** The display names of the five histories, in the notice's order. */
export const historyNames: ReadonlyArray<{ key: HistoryKey; name: string }> = [
  { key: 'party', name: '党史' },
  { key: 'prc', name: '新中国史' },
  { key: 'reform', name: '改革开放史' },
  { key: 'socialism', name: '社会主义发展史' },
  { key: 'labor', name: '中国工运史' },
];
