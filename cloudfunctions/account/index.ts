import { contracts } from '../../server/contracts';
import * as actions from '../../server/actions/account';
import { createRouter } from '../../server/runtime/router';

/** 账户: the worker's profile and the organisation tree. */
export const main = createRouter(contracts.account, actions);
