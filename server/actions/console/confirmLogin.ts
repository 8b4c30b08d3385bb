import { cancelLogin as cancelContract, confirmLogin as confirmContract } from '../../contracts/console';
import { findLogin, updateLoginIf } from '../../db/console/consoleStore';
import { writeAudit } from '../../db/requests/requestStore';
import { rolesOf } from '../../db/users';
import { mayUseConsole } from '../../console/consoleRoles';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { loginStatusAt } from './loginStatus';

/** Binds the login to this WeChat identity, after checking that it holds a console role. */
export const confirmLogin: Handler<typeof confirmContract> = async (input, ctx) => {
  const [login, roles] = await Promise.all([findLogin(ctx.db, input.loginId), rolesOf(ctx.db, ctx.openid)]);
  if (!login) throw failWith(confirmContract, 'LOGIN_NOT_FOUND', '登录码不存在,请在电脑上刷新后重新扫码');
  if (!mayUseConsole(roles)) throw new ActionError('FORBIDDEN', '您没有工作台权限,请联系所在工会的管理员');
  const status = loginStatusAt(login, ctx.now);
  if (status === 'expired') throw failWith(confirmContract, 'LOGIN_EXPIRED', '登录码已过期,请在电脑上刷新后重新扫码');
  if (status !== 'waiting') throw failWith(confirmContract, 'LOGIN_USED', '登录码已使用,请在电脑上刷新后重新扫码');
  const moved = await updateLoginIf(ctx.db, login._id, 'waiting', { status: 'confirmed', openid: ctx.openid, confirmedAt: ctx.now });
  if (!moved) throw failWith(confirmContract, 'LOGIN_USED', '登录码已使用,请在电脑上刷新后重新扫码');
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'console_login_confirm', target: login._id });
  return { confirmed: true };
};

export const cancelLogin: Handler<typeof cancelContract> = async (input, ctx) => {
  const login = await findLogin(ctx.db, input.loginId);
  if (!login) throw failWith(cancelContract, 'LOGIN_NOT_FOUND', '登录码不存在');
  await updateLoginIf(ctx.db, login._id, 'waiting', { status: 'cancelled' });
  return { cancelled: true };
};
