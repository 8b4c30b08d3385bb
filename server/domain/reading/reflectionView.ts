import type { PendingReflection, ReflectionStatus, ReflectionView } from '../../contracts/reading';

interface ReflectionLike {
  _id: string;
  openid: string;
  storyId: string;
  nickname: string;
  text: string;
  status: ReflectionStatus;
  createdAt: Date | string;
}

/** Others see approved reflections only; the author sees their own in any state. */
export function visibleTo(viewer: string, r: ReflectionLike): boolean {
  return r.status === 'approved' || r.openid === viewer;
}

export function reflectionView(viewer: string, r: ReflectionLike): ReflectionView {
  return { id: r._id, nickname: r.nickname, text: r.text, status: r.status, mine: r.openid === viewer, createdAt: new Date(r.createdAt).toISOString() };
}

export function pendingView(r: ReflectionLike, titles: ReadonlyMap<string, string>): PendingReflection {
  return { id: r._id, storyId: r.storyId, storyTitle: titles.get(r.storyId) ?? '', nickname: r.nickname, text: r.text, createdAt: new Date(r.createdAt).toISOString() };
}
