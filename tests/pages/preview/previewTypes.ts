import type * as Simulate from 'miniprogram-simulate';

export type RenderedPage = ReturnType<typeof Simulate.render>;

/** What a state's setup and actions can do: act on the seeded local cloud before and after the page opens. */
export interface PreviewContext {
  /** The WeChat user viewing the page: a fresh one per state unless the state names one. */
  openid: string;
  /** Calls an action as a user (the viewer unless told otherwise) and returns its data, failing on a refusal. */
  invoke<T = unknown>(name: string, action: string, input: unknown, openid?: string): Promise<T>;
  /** Makes a user a cadre of an organisation (or an admin). */
  grantRole(openid: string, orgId: string | null, role?: 'cadre' | 'admin'): Promise<void>;
}

/**
 * One state a worker meets on a page, declared as data: who looks, what happened before (setup),
 * what the worker did on the page (act). Its picture is docs/screens/<page key>--<name>.png.
 */
export interface PreviewState {
  name: string;
  /** A fixed viewer (e.g. a seeded cadre); otherwise a fresh worker per state. */
  openid?: string;
  /** The page's query (?requestId=…), or what setup returns. */
  query?: Record<string, string>;
  setup?(context: PreviewContext): Promise<Record<string, string> | void>;
  /** Every cloud call fails, as without network: the page's error state. */
  offline?: boolean;
  /** The phone's getPrivacySetting answers needAuthorization: true (a worker who has not agreed yet). */
  privacyNeeded?: boolean;
  /** Local storage before the page opens (preferences such as the font size). */
  storage?: Record<string, unknown>;
  act?(page: RenderedPage, context: PreviewContext): Promise<void>;
}

export interface PagePreview {
  /** The page path as app.json names it (subpackage pages with their root: cadre/home/index). */
  page: string;
  states: PreviewState[];
}
