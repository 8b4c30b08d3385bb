import type { JoinRequestView } from '../../contracts/account';
import type { JoinRequestDoc } from '../../db/joinRequests';

type RoleLike = { role: string; orgId: string | null };

/**
 * Who may decide a request: a cadre or an admin of the organisation or of one above it; an admin
 * with no organisation (province level) decides every request.
 */
export function decidableOrgs(roles: readonly RoleLike[]): string[] | 'all' {
  if (roles.some((r) => r.role === 'admin' && !r.orgId)) return 'all';
  return [...new Set(roles.filter((r) => (r.role === 'cadre' || r.role === 'admin') && r.orgId).map((r) => r.orgId as string))];
}

export function mayDecide(roles: readonly RoleLike[], orgChain: readonly string[]): boolean {
  const orgs = decidableOrgs(roles);
  return orgs === 'all' || orgs.some((o) => orgChain.includes(o));
}

export function joinRequestView(doc: JoinRequestDoc): JoinRequestView {
  return {
    openid: doc.openid,
    nickname: doc.nickname,
    orgId: doc.orgId,
    orgName: doc.orgName,
    status: doc.status,
    requestedAt: new Date(doc.requestedAt).toISOString(),
    decidedAt: doc.decidedAt ? new Date(doc.decidedAt).toISOString() : null,
    reason: doc.reason,
  };
}
