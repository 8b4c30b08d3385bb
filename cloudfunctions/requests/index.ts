import { contracts } from '../../server/contracts';
import * as actions from '../../server/actions/requests';
import { createRouter } from '../../server/runtime/router';

/** 办实事: workers' requests and the union cadres who answer them. */
export const main = createRouter(contracts.requests, actions);
