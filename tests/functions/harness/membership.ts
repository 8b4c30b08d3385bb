import { connectSdk } from '../../localcloud/helpers/testCloud';
import type { FunctionCloud } from './functionCloud';

/** An admin of the province, granted as an admin script writes roles. */
export const rosterAdmin = 'roster-admin';

/** Makes a worker an approved member of an organisation the way an admin's roster import does. */
export async function joinByRoster(fc: FunctionCloud, openid: string, orgId: string): Promise<void> {
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').doc('test-roster-admin').set({ data: { openid: rosterAdmin, role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
  const reply = await fc.call(rosterAdmin, 'account', 'importRoster', { orgId, openids: [openid] });
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
}
