import type { Database } from '../database';

export const consoleCollections = { logins: 'console_logins', sessions: 'console_sessions' } as const;

/** One scan-login attempt: made by a browser, confirmed on a phone, used once. */
export interface LoginDoc {
  _id: string;
  /** sha256 of the secret the starting browser holds in a cookie: only it may collect the session. */
  pollKeyHash: string;
  status: 'waiting' | 'confirmed' | 'used' | 'cancelled';
  browser: string;
  createdAt: Date;
  expiresAt: Date;
  openid: string | null;
  confirmedAt: Date | null;
  polls: number;
  lastPollAt: Date | null;
  /** sha256 of the address the login was started from (the address itself is not kept): starts are limited per client. */
  clientKey: string;
}

/** A logged-in console: found by the sha256 of its cookie's token, so the store never holds a usable token. */
export interface SessionDoc {
  _id: string;
  openid: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertLogin(db: Database, doc: LoginDoc): Promise<void> {
  await db.collection(consoleCollections.logins).add({ data: doc });
}

/** How many logins this client started since `since` (index clientKey_1_createdAt_1). */
export async function loginsStartedSince(db: Database, clientKey: string, since: Date): Promise<number> {
  const { total } = await db.collection(consoleCollections.logins).where({ clientKey, createdAt: db.command.gt(since) }).count();
  return total;
}

export async function findLogin(db: Database, id: string): Promise<LoginDoc | null> {
  const { data } = await db.collection(consoleCollections.logins).where({ _id: id }).limit(1).get();
  return (data[0] as LoginDoc | undefined) ?? null;
}

/** Moves a login on only from the status it was read in (a compare-and-set: two phones cannot both confirm). */
export async function updateLoginIf(db: Database, id: string, fromStatus: LoginDoc['status'], patch: Partial<LoginDoc>): Promise<boolean> {
  const { stats } = await db.collection(consoleCollections.logins).where({ _id: id, status: fromStatus }).update({ data: patch });
  return stats.updated === 1;
}

export async function notePoll(db: Database, id: string, at: Date): Promise<void> {
  await db.collection(consoleCollections.logins).doc(id).update({ data: { polls: db.command.inc(1), lastPollAt: at } });
}

export async function insertSession(db: Database, doc: SessionDoc): Promise<void> {
  await db.collection(consoleCollections.sessions).add({ data: doc });
}

export async function findSession(db: Database, id: string): Promise<SessionDoc | null> {
  const { data } = await db.collection(consoleCollections.sessions).where({ _id: id }).limit(1).get();
  return (data[0] as SessionDoc | undefined) ?? null;
}

export async function removeSession(db: Database, id: string): Promise<void> {
  await db.collection(consoleCollections.sessions).where({ _id: id }).remove();
}
