import { z } from 'zod';

/** A console login's id: also the scene of its mini program code (WeChat allows 32 characters). */
export const loginId = z.string().regex(/^[A-Za-z0-9]{20}$/, '登录码无效');

export type LoginStatus = 'waiting' | 'confirmed' | 'used' | 'cancelled' | 'expired';

/** What the cadre's phone shows before they confirm a console login. */
export interface LoginRequestView {
  status: LoginStatus;
  createdAt: string;
  expiresAt: string;
  /** The browser that asked, as it described itself (shortened). */
  browser: string;
  /** Whether this user holds a role the console serves (cadre, editor or admin). */
  allowed: boolean;
}
