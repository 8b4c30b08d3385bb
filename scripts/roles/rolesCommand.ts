import { adminRoleDocId, cadreRoleDocId, legacyCadreRoleDocId } from '../../server/domain/requests/cadreRoles';

/** The part of a database SDK (server SDK or node SDK) the command uses. */
export interface RolesDb {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; set(data: object): Promise<unknown>; remove(): Promise<unknown> };
    where(condition: object): { limit(n: number): { get(): Promise<{ data: unknown[] }> } };
    add(data: object): Promise<unknown>;
  };
}

const usage = 'usage: npm run roles -- grant <openid> <orgId> | revoke <openid> <orgId> | admin <openid> [orgId] | list [orgId]';
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;


function firstDoc(result: { data: unknown }): Record<string, unknown> | undefined {
  const data = result.data as unknown;
  return (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
}

export async function runRolesCommand(db: RolesDb, args: string[], actor: string, now: Date): Promise<string[]> {
  const [command, openid, orgId] = args;
  if (command === 'list') {
    const condition = openid ? { orgId: openid } : {};
    const { data } = await db.collection('roles').where(condition).limit(1000).get();
    return (data as Array<{ openid: string; role: string; orgId: string | null }>).map((r) => `${r.role}\t${r.orgId ?? '-'}\t${r.openid}`);
  }
  if (command === 'admin' && openid && idPattern.test(openid) && (!orgId || idPattern.test(orgId))) {
    // The first administrator (province-wide without an organisation); later ones are granted in the console.
    const id = adminRoleDocId(openid, orgId ?? null);
    await db.collection('roles').doc(id).set({ openid, role: 'admin', orgId: orgId ?? null, grantedBy: actor, grantedAt: now });
    await db.collection('audit_log').add({ at: now, actorOpenid: actor, action: 'grant_role', target: openid, orgId: orgId ?? null, role: 'admin' });
    return [`granted admin of ${orgId ?? 'the whole province'} to ${openid}`];
  }
  if ((command !== 'grant' && command !== 'revoke') || !openid || !orgId || !idPattern.test(openid) || !idPattern.test(orgId)) throw new Error(usage);
  const org = firstDoc(await db.collection('orgs').where({ _id: orgId }).limit(1).get());
  if (!org) throw new Error(`organisation ${orgId} does not exist`);
  const id = cadreRoleDocId(openid, orgId);
  if (command === 'grant') {
    await db.collection('roles').doc(id).set({ openid, role: 'cadre', orgId, grantedBy: actor, grantedAt: now });
  } else {
    await db.collection('roles').doc(id).remove();
    // A role granted under the first, ambiguous id: removed only if it names this very pair.
    const legacy = legacyCadreRoleDocId(openid, orgId);
    const old = firstDoc(await db.collection('roles').where({ _id: legacy }).limit(1).get());
    if (old && old.openid === openid && old.orgId === orgId && old.role === 'cadre') await db.collection('roles').doc(legacy).remove();
  }
  await db.collection('audit_log').add({ at: now, actorOpenid: actor, action: command === 'grant' ? 'grant_role' : 'revoke_role', target: openid, orgId, role: 'cadre' });
  return [`${command === 'grant' ? 'granted' : 'revoked'} cadre of ${org.name as string} (${orgId}) ${command === 'grant' ? 'to' : 'from'} ${openid}`];
}
