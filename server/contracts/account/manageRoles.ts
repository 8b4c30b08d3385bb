import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';

export type ConsoleRole = 'cadre' | 'editor' | 'admin';
export const consoleRole = z.enum(['cadre', 'editor', 'admin']);

/** A person as an admin finds them: by nickname and organisation (the openid is carried, never typed). */
export interface PersonRow {
  openid: string;
  nickname: string;
  orgName: string;
  roles: Array<{ role: string; orgId: string | null; orgName: string }>;
}

export interface RoleRow {
  roleId: string;
  openid: string;
  nickname: string;
  role: ConsoleRole;
  orgId: string | null;
  orgName: string;
  grantedAt: string;
}

/** People of the admin's organisations whose nickname contains the text. */
export const findPeople = defineAction<{ people: PersonRow[] }>()({
  input: z.strictObject({ nickname: z.string().trim().max(20).default(''), orgId: id.optional() }),
});

/**
 * The console roles held within the admin's organisations, newest grant first, a page at a time:
 * `cursor` is the previous page's `nextCursor` (opaque: the last role's grant time and id).
 */
export const listRoles = defineAction<{ roles: RoleRow[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional(), limit: z.number().int().min(1).max(50).default(20) }),
});

/**
 * Grants cadre, editor or admin for an organisation of the admin's tree (province level only by a
 * province admin); answers the role granted, the newest of the list.
 */
export const grantRole = defineAction<{ role: RoleRow }>()({
  input: z.strictObject({ openid: id, role: consoleRole, orgId: id.nullable() }),
  errors: ['ORG_NOT_FOUND', 'PERSON_NOT_FOUND'],
});

/** Revokes a role the admin could list (audited); not one's own admin role. */
export const revokeRole = defineAction<{ revoked: true }>()({
  input: z.strictObject({ roleId: z.string().min(1).max(160).regex(/^[A-Za-z0-9_|-]+$/) }),
  errors: ['NOT_FOUND', 'SELF'],
});

export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

/** The audit log, newest first, a page at a time (cursor = the last row's time). */
export const auditLog = defineAction<{ rows: AuditRow[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().datetime().optional(), limit: z.number().int().min(1).max(100).default(50) }),
});
