import type { RequestStatus } from '../../server/contracts/requests';

export type TagTheme = 'default' | 'primary' | 'success' | 'warning';

/** A request status as a t-tag colour: waiting (orange), worked on (red), answered (green), ended (grey). */
const themes: Record<RequestStatus, TagTheme> = {
  submitted: 'warning',
  transferred: 'warning',
  reopened: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  closed: 'success',
  withdrawn: 'default',
  declined: 'default',
};

export function statusTagTheme(status: RequestStatus): TagTheme {
  return themes[status];
}

/** Rows of a list with their tag colour, ready for WXML. */
export function withStatusTags<T extends { status: RequestStatus }>(rows: readonly T[]): Array<T & { tagTheme: TagTheme }> {
  return rows.map((row) => ({ ...row, tagTheme: themes[row.status] }));
}
