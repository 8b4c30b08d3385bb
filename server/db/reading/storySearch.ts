import type { Database } from '../database';
import { readingCollections } from './readingCollections';
import { cardFields, type StoryCardDoc } from './stories';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A page of the published stories whose title, keywords or summary contain `query`, in _id order
 * after `after`. One query on the _id order: the database examines stories until the page is full
 * or the catalogue ends, so a page costs up to the whole catalogue (a few hundred cards: fine; at
 * tens of thousands this wants a text index). Every story is searched, none capped away.
 */
export async function searchStoryCards(db: Database, query: string, after: string | undefined, limit: number): Promise<StoryCardDoc[]> {
  const _ = db.command;
  const words = db.RegExp({ regexp: escapeRegExp(query), options: 'i' });
  const where = _.and([{ unpublished: _.neq(true) }, ...(after ? [{ _id: _.gt(after) }] : []), _.or([{ title: words }, { keywords: words }, { summary: words }])]);
  const { data } = await db.collection(readingCollections.stories).where(where as unknown as Record<string, unknown>).orderBy('_id', 'asc').field(cardFields).limit(limit).get();
  return data as StoryCardDoc[];
}
