import { z } from 'zod';
import { defineAction } from '../action';

/** Who shared the poster whose code opened the mini program: what every worker already sees of them on a board. */
export interface PosterInviter {
  /** Null for a scene no poster was made for, or the viewer's own. */
  inviter: { nickname: string; avatarUrl: string | null } | null;
}

/**
 * The sharer behind a poster code's scene (`p=` and 12 base64url characters, as posterCode makes
 * them). It never answers an openid: the scene maps to a stored code, the code to its owner.
 */
export const posterInviter = defineAction<PosterInviter>()({
  input: z.strictObject({ scene: z.string().regex(/^p=[0-9A-Za-z_-]{12}$/, '不是海报小程序码') }),
});
