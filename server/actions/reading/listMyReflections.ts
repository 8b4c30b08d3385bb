import type { listMyReflections as contract } from '../../contracts/reading';
import { decodeCursor } from '../../db/sortKeyCursor';
import type { Handler } from '../../runtime/router';
import { minePage } from './listReflections';

export const listMyReflections: Handler<typeof contract> = async (input, ctx) => {
  const { items, nextCursor } = await minePage(ctx, input.storyId, decodeCursor(input.cursor));
  return { reflections: items, nextCursor };
};
