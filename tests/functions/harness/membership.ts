import { connectSdk } from '../../localcloud/helpers/testCloud';
import type { FunctionCloud } from './functionCloud';

/** An admin of the province, granted as an admin script writes roles, for the import only. */
export const rosterAdmin = 'roster-admin';

/** Makes a worker an approved member of an organisation the way an admin's roster import does. */
export async function joinByRoster(fc: FunctionCloud, openid: string, orgId: string): Promise<void> {
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').doc('test-roster-admin').set({ data: { openid: rosterAdmin, role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
  const reply = await fc.call(rosterAdmin, 'account', 'importRoster', { orgId, openids: [openid] });
  // The admin leaves again, so it never shows among an organisation's cadres.
  await db.collection('roles').doc('test-roster-admin').remove();
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
}
