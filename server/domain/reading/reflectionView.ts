import type { PendingReflection, ReflectionStatus, ReflectionView } from '../../contracts/reading';

interface ReflectionLike {
  _id: string;
  openid: string;
  storyId: string;
  nickname: string;
  text: string;
  status: ReflectionStatus;
  createdAt: Date | string;
  authorOrgId?: string | null;
  rejectReason?: string | null;
}

/** Others see approved reflections only; the author sees their own in any state. */
export function visibleTo(viewer: string, r: ReflectionLike): boolean {
  return r.status === 'approved' || r.openid === viewer;
}

export function reflectionView(viewer: string, r: ReflectionLike): ReflectionView {
  const mine = r.openid === viewer;
  const view: ReflectionView = { id: r._id, nickname: r.nickname, text: r.text, status: r.status, mine, createdAt: new Date(r.createdAt).toISOString() };
  // A moderator's reason is for the author, not for other readers.
  return mine && r.status === 'rejected' && r.rejectReason ? { ...view, reason: r.rejectReason } : view;
}

export function pendingView(r: ReflectionLike, titles: ReadonlyMap<string, string>, orgName: (orgId: string | null | undefined) => string): PendingReflection {
  return { id: r._id, storyId: r.storyId, storyTitle: titles.get(r.storyId) ?? '', nickname: r.nickname, authorOrg: orgName(r.authorOrgId), text: r.text, createdAt: new Date(r.createdAt).toISOString() };
}
