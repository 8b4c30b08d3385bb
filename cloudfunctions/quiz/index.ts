import { contracts } from '../../server/contracts';
import * as actions from '../../server/actions/quiz';
import { createRouter } from '../../server/runtime/router';

/** 答题: daily papers scored on the server, the points ledger and the leaderboards. */
export const main = createRouter(contracts.quiz, actions);
