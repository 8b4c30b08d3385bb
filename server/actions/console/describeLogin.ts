import { describeLogin as contractValue } from '../../contracts/console';
import { findLogin } from '../../db/console/consoleStore';
import { rolesOf } from '../../db/users';
import { mayUseConsole } from '../../console/consoleRoles';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { loginStatusAt } from './loginStatus';

export const describeLogin: Handler<typeof contractValue> = async (input, ctx) => {
  const [login, roles] = await Promise.all([findLogin(ctx.db, input.loginId), rolesOf(ctx.db, ctx.openid)]);
  if (!login) throw failWith(contractValue, 'LOGIN_NOT_FOUND', '登录码不存在,请在电脑上刷新后重新扫码');
  return {
    status: loginStatusAt(login, ctx.now),
    createdAt: login.createdAt.toISOString(),
    expiresAt: login.expiresAt.toISOString(),
    browser: login.browser,
    allowed: mayUseConsole(roles),
  };
};
