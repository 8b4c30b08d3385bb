import { z } from 'zod';
import { defineAction } from '../action';
import type { OrgNode } from './profile';

/** The organisation tree (province → city/industry unions → grassroots), flat, sorted for display. */
export const listOrgs = defineAction<{ orgs: OrgNode[] }>()({
  input: z.strictObject({}),
});
