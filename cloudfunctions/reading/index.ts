import { contracts } from '../../server/contracts';
import * as actions from '../../server/actions/reading';
import { createRouter } from '../../server/runtime/router';

/** 阅读: the red-stories reading corner (stories, progress, reading time, likes, favourites, check-in). */
export const main = createRouter(contracts.reading, actions);
