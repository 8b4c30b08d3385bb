import type { DailyStatus, PosterInviter } from '../../../server/contracts/quiz';

/** The scene a poster code carries (`p=` and 12 base64url characters): anything else is not ours. */
const POSTER_SCENE = /^p=[0-9A-Za-z_-]{12}$/;

/**
 * The poster scene a page opened from a mini program code received: WeChat hands `scene` over
 * URL-encoded (`p%3D…`). A malformed or foreign value gives '' and is ignored.
 */
export function posterSceneOf(raw: string | undefined): string {
  if (!raw) return '';
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return '';
  }
  return POSTER_SCENE.test(scene) ? scene : '';
}

export interface InviteView {
  nickname: string;
  avatarUrl: string;
  initial: string;
  note: string;
}

/** The greeting for a worker who came through a colleague's poster, worded by whether today's paper is done. */
export function inviteView(inviter: NonNullable<PosterInviter['inviter']>, status: DailyStatus | null): InviteView {
  const nickname = inviter.nickname.trim() || '职工';
  const done = status?.state === 'submitted';
  return {
    nickname,
    avatarUrl: inviter.avatarUrl ?? '',
    initial: [...nickname][0] ?? '职',
    note: done ? '你今天的每日答题已完成,明天继续一起学' : '邀请你一起做今天的“读四史”每日答题',
  };
}
