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

/** An admin's list of cadre roles in the organisations they administer. */
export const listCadres = defineAction<{ roles: CadreRole[] }>()({
  input: z.strictObject({}),
});

/** An admin grants the cadre role for an organisation they administer (audited). */
export const grantCadre = defineAction<{ roles: CadreRole[] }>()({
  input: z.strictObject({ openid: id, orgId: id }),
  errors: ['ORG_NOT_FOUND'],
});

/** An admin revokes it (audited). */
export const revokeCadre = defineAction<{ roles: CadreRole[] }>()({
  input: z.strictObject({ openid: id, orgId: id }),
  errors: ['NOT_FOUND'],
});
