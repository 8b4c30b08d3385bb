import type { RoleDoc } from '../db/users';

/** The roles the console serves: cadres answer requests, editors keep content, admins manage roles. */
export const CONSOLE_ROLES = ['cadre', 'admin', 'editor'] as const;

export function mayUseConsole(roles: readonly Pick<RoleDoc, 'role'>[]): boolean {
  return roles.some((r) => (CONSOLE_ROLES as readonly string[]).includes(r.role));
}
