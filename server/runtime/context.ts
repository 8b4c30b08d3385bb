import type { Database } from '../db/database';
import type { OpenApi } from '../platform/openApi';

/**
 * What an action may know about the world. Identity comes from the WeChat context only; the clock
 * and randomness are passed in so the domain stays testable.
 */
export interface ActionContext {
  openid: string;
  appid: string;
  now: Date;
  rng: () => number;
  db: Database;
  openApi: OpenApi;
  /** The raw event, for platform-resolved fields such as a CloudID (share info). */
  event: Record<string, unknown>;
}
