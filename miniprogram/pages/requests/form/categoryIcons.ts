import type { RequestCategory } from '../../../../server/contracts/requests';

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
