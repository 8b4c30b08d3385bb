import type { RequestCategory } from '../../server/contracts/requests';

/** A TDesign icon per category of the grid (what each category is about, at a glance). */
export const categoryIcons: Record<RequestCategory, string> = {
  hardship: 'gift',
  medicalMutual: 'hospital',
  outdoorStation: 'home',
  migrantWages: 'money',
  legalAid: 'secured',
  joinUnion: 'user-add',
  safety: 'shield-error',
  skills: 'tools',
  bargaining: 'usergroup',
  suggestion: 'chat-message',
};

export interface CategoryCell {
  key: RequestCategory;
  label: string;
  /** The label as the cell shows it: one line per part of "劳动保护·安全生产", so a cell never runs into the next. */
  lines: string[];
  icon: string;
}

/**
 * The server's categories (requests.formOptions) as grid cells with their icons: the 办实事 tab and
 * the request form show the same grid, so a category added or renamed changes both.
 */
export function categoryCells(categories: ReadonlyArray<{ key: RequestCategory; label: string }>): CategoryCell[] {
  return categories.map((c) => ({ key: c.key, label: c.label, lines: c.label.split(/[·・]/), icon: categoryIcons[c.key] }));
}
