import type { getProfile as contract } from '../../contracts/account';
import type { Handler } from '../../runtime/router';
import { ensureUser } from '../../db/users';
import { loadProfile } from './loadProfile';

export const getProfile: Handler<typeof contract> = async (_input, ctx) => {
  await ensureUser(ctx.db, ctx.openid, ctx.now);
  return loadProfile(ctx);
};
