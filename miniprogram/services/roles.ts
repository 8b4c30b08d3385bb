import type { Profile } from '../../server/contracts/account';

type Roles = Profile['roles'];

/**
 * Who sees which entry, as the server's actions accept them (it checks again on every call), so
 * nobody is sent to a page that answers 无权限: the desk (工作台) for anyone holding a union role,
 * the requests queue for those who handle requests (cadres, and admins, who do everything within
 * their organisations).
 */
export function hasDesk(roles: Roles): boolean {
  return roles.some((r) => r.role === 'cadre' || r.role === 'admin' || r.role === 'editor');
}

export function handlesRequests(roles: Roles): boolean {
  return roles.some((r) => r.role === 'cadre' || r.role === 'admin');
}
