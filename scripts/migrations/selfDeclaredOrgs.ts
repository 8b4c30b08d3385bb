import { collections } from '../../server/db/collections';
import type { Database } from '../../server/db/database';
import { auditMembership, type JoinRequestDoc } from '../../server/db/joinRequests';
import { orgAncestry } from '../../server/db/orgs';
import type { UserDoc } from '../../server/db/users';

/**
 * Before membership by approval a worker chose `users.orgId` in their profile. Such a membership
 * was never approved, so it must not open an organisation's contests and boards: each one becomes
 * a pending request to that organisation (its cadres decide it as any other) and the membership is
 * cleared, with an audit entry, all in one transaction per worker.
 *
 * A membership counts as approved when the worker's join request approved that organisation, or the
 * audit log holds its approval or roster import. A worker who already asked for another
 * organisation keeps that request (their latest wish); only the unapproved membership goes.
 *
 * Idempotent: a migrated worker has no organisation, so a second run (or a run after a failure
 * half way) finds only those not yet migrated. Reads the users with an organisation 500 at a time
 * (with their requests and approvals, one read each per page); a finished run leaves a marker in
 * `migrations`, so later runs (every `npm run seed`) read nothing more unless forced.
 */
export interface MigrationReport {
  /** False when an earlier run finished (the marker is there) and this one was not forced. */
  ran: boolean;
  examined: number;
  migrated: number;
  approved: number;
}

const page = 500;
const marker = { collection: 'migrations', id: 'self_declared_orgs' };

/** The organisations each worker of the page has an approval or roster import on record for. */
async function approvalsOf(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const _ = db.command;
  const approved = new Set<string>();
  const requests = (await db.collection(collections.joinRequests).where({ _id: _.in([...ids]), status: 'approved' }).limit(page).get()).data as JoinRequestDoc[];
  for (const r of requests) approved.add(`${r._id}|${r.orgId}`);
  // Approvals leave audit entries (a later request replaces the approved request document).
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection(collections.auditLog).where({ target: _.in([...ids]), action: _.in(['approve_join', 'roster_join']) }).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    for (const a of data as Array<{ target: string; orgId: string }>) approved.add(`${a.target}|${a.orgId}`);
    if (data.length < 1000) return approved;
  }
}

export async function migrateSelfDeclaredOrgs(db: Database, actor: string, now: Date, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<MigrationReport> {
  const _ = db.command;
  const report: MigrationReport = { ran: false, examined: 0, migrated: 0, approved: 0 };
  const done = await db.collection(marker.collection).where({ _id: marker.id }).limit(1).get();
  if (done.data.length > 0 && !options.force) return report;
  report.ran = true;
  for (let after = ''; ; ) {
    const { data } = await db.collection(collections.users).where({ orgId: _.neq(null), _id: _.gt(after) }).orderBy('_id', 'asc').limit(page).get();
    const users = (data as UserDoc[]).filter((u) => typeof u.orgId === 'string' && u.orgId !== '');
    const approved = users.length ? await approvalsOf(db, users.map((u) => u._id)) : new Set<string>();
    for (const user of users) {
      report.examined += 1;
      if (approved.has(`${user._id}|${user.orgId as string}`)) {
        report.approved += 1;
        continue;
      }
      if (await migrateOne(db, user, actor, now)) {
        report.migrated += 1;
        options.log?.(`${user._id}: ${user.orgId as string} is now a pending request`);
      }
    }
    const last = data[data.length - 1] as UserDoc | undefined;
    if (!last || data.length < page) break;
    after = last._id;
  }
  await db.collection(marker.collection).doc(marker.id).set({ data: { finishedAt: now, by: actor, examined: report.examined, migrated: report.migrated } });
  return report;
}

async function migrateOne(db: Database, user: UserDoc, actor: string, now: Date): Promise<boolean> {
  const orgId = user.orgId as string;
  const chain = await orgAncestry(db, orgId);
  const org = chain[0];
  return db.runTransaction(async (t) => {
    const current = (await t.collection(collections.users).doc(user._id).get()).data as UserDoc | null;
    // Changed since it was read (approved meanwhile, or already migrated): leave it.
    if (!current || current.orgId !== orgId) return false;
    const request = (await t.collection(collections.joinRequests).doc(user._id).get().catch((error: unknown) => {
      // The server SDK rejects a doc().get() of a missing document: that is "no request yet".
      if (/does not exist/.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error))) return { data: null };
      throw error;
    })).data as JoinRequestDoc | null;
    const asksElsewhere = request?.status === 'pending' && request.orgId !== orgId;
    if (org && org.kind !== 'province' && !asksElsewhere) {
      const { _id, ...pending }: JoinRequestDoc = {
        _id: user._id, openid: user._id, nickname: current.nickname, orgId, orgName: org.name, orgChain: chain.map((o) => o._id),
        status: 'pending', via: 'migration', requestedAt: now, decidedAt: null, decidedBy: null, reason: null,
      };
      await t.collection(collections.joinRequests).doc(_id).set({ data: pending });
    }
    await t.collection(collections.users).doc(user._id).update({ data: { orgId: null, updatedAt: now } });
    const detail = !org || org.kind === 'province' ? '组织不存在或不可加入,已清除' : asksElsewhere ? `已另行申请加入 ${request?.orgName ?? ''}` : '自报组织转为待审核申请';
    await auditMembership(t, { action: 'migrate_join_pending', target: user._id, orgId, actorOpenid: actor, at: now, requestedAt: now, detail });
    return true;
  });
}
