import { randomBytes } from 'node:crypto';
import type { Database } from '../database';
import { pairId, readingCollections } from './readingCollections';

/**
 * The worker's vote on a story: `story_likes/<openid>:<storyId>`, present while the worker likes it.
 * A change of vote moves the story's counter in a later step, so the document carries the change
 * (`pending`) until the counter has taken it; whoever finds a pending change finishes it first.
 * `rev` is the id of the last change: the next one is written only over it (compare and set).
 * Documents written before these fields existed are likes with nothing pending.
 */
interface LikeDoc {
  _id: string;
  openid: string;
  storyId: string;
  createdAt: Date;
  liked?: boolean;
  rev?: string;
  pending?: { op: string; delta: 1 | -1 };
}

/** The story keeps the ids of its last changes of counter, so a change is counted once. */
const opsKept = 200;

const isLiked = (doc: LikeDoc | null): boolean => doc !== null && doc.liked !== false;

async function readVote(db: Database, id: string): Promise<LikeDoc | null> {
  const { data } = await db.collection(readingCollections.likes).where({ _id: id }).limit(1).get();
  return (data[0] as LikeDoc | undefined) ?? null;
}

/**
 * Moves the counter by the pending change once (the story's list of change ids decides), then
 * clears it: an unlike's document goes, a like's loses its mark. Both steps are conditional, so
 * a retry or a concurrent caller finishing the same change does nothing twice.
 */
async function finishChange(db: Database, doc: LikeDoc & { pending: { op: string; delta: 1 | -1 } }): Promise<void> {
  const _ = db.command;
  const { op, delta } = doc.pending;
  await db
    .collection(readingCollections.stories)
    .where({ _id: doc.storyId, likeOps: _.neq(op) })
    .update({ data: { likes: _.inc(delta), likeOps: _.push({ each: [op], slice: -opsKept }) } });
  const mine = db.collection(readingCollections.likes).where({ _id: doc._id, rev: op });
  if (delta < 0) await mine.remove();
  else await mine.update({ data: { pending: _.remove() } });
}

const maxRounds = 8;

/**
 * Sets the worker's vote and moves the story's counter with it, so that after any failure a retry
 * of the call (or any later call of the worker on the story) leaves the counter equal to the
 * number of likes. A call that loses the compare and set to a concurrent change of the same
 * worker is taken to have happened just before it: that change stands, and the call is done.
 */
export async function setVote(db: Database, openid: string, storyId: string, liked: boolean, now: Date): Promise<void> {
  const _ = db.command;
  const id = pairId(openid, storyId);
  for (let round = 0; round < maxRounds; round += 1) {
    const doc = await readVote(db, id);
    if (doc?.pending) {
      await finishChange(db, { ...doc, pending: doc.pending });
      continue;
    }
    if (isLiked(doc) === liked) return;
    const op = `${openid}#${randomBytes(6).toString('hex')}`;
    const pending = { op, delta: liked ? 1 : -1 } as const;
    let written: LikeDoc | null = null;
    if (doc) {
      const guard = doc.rev === undefined ? _.exists(false) : doc.rev;
      const { stats } = await db.collection(readingCollections.likes).where({ _id: id, rev: guard }).update({ data: { liked, rev: op, pending } });
      if (stats.updated === 1) written = { ...doc, liked, rev: op, pending };
    } else {
      const fresh: LikeDoc = { _id: id, openid, storyId, createdAt: now, liked, rev: op, pending };
      const added = await db
        .collection(readingCollections.likes)
        .add({ data: fresh })
        .then(() => true)
        .catch(async (error: unknown) => {
          // Only a document written meanwhile (a concurrent like) explains a refused add.
          if ((await readVote(db, id)) === null) throw error;
          return false;
        });
      if (added) written = fresh;
    }
    if (!written) return;
    await finishChange(db, { ...written, pending });
    return;
  }
  throw new Error(`the like ${id} kept changing`);
}

export async function hasLiked(db: Database, openid: string, storyId: string): Promise<boolean> {
  return isLiked(await readVote(db, pairId(openid, storyId)));
}
