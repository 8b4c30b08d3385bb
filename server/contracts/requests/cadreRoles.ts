import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';

export interface CadreRole {
  openid: string;
  orgId: string;
  orgName: string;
  grantedBy: string;
  grantedAt: string;
}

/**
 * An admin's cadre roles in the organisations they administer, newest grant first, a page at a
 * time: `cursor` is the previous page's `nextCursor` (opaque), so paging walks the sort key instead
 * of skipping.
 */
export const listCadres = defineAction<{ roles: CadreRole[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional(), limit: z.number().int().min(1).max(50).default(20) }),
});

/** An admin grants the cadre role for an organisation they administer (audited); answers the role granted. */
export const grantCadre = defineAction<{ role: CadreRole }>()({
  input: z.strictObject({ openid: id, orgId: id }),
  errors: ['ORG_NOT_FOUND'],
});

/** An admin revokes it (audited). */
export const revokeCadre = defineAction<{ revoked: true }>()({
  input: z.strictObject({ openid: id, orgId: id }),
  errors: ['NOT_FOUND'],
});
