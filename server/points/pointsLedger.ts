import type { Database } from '../db/database';
import { cappedAward, dailyCaps, type PointSource } from './pointCaps';
import { dayKey, weekKey } from './periodKeys';
import { pointsCollections } from './pointsCollections';

/** `points_ledger/<openid>|<source>|<sourceId>`: one entry per award; the fixed id makes an award happen once. */
export interface LedgerEntry {
  _id: string;
  openid: string;
  source: PointSource;
  sourceId: string;
  points: number;
  asked: number;
  day: string;
  week: string;
  createdAt: Date;
}

/**
 * `points_caps/<openid>|<source>|<day>`: what the worker earned from a source today, and from
 * which awards, so the cap is taken once per award even when the ledger entry is written after.
 */
export interface CapsDoc {
  _id: string;
  openid: string;
  source: PointSource;
  day: string;
  total: number;
  awards: Record<string, number>;
}

export function ledgerId(openid: string, source: PointSource, sourceId: string): string {
  return `${openid}|${source}|${sourceId}`;
}

export function capsId(openid: string, source: PointSource, day: string): string {
  return `${openid}|${source}|${day}`;
}

/**
 * Sources with one award a day by construction (the day's paper, the day's check-in): their cap
 * is the award's own bound, so they keep no counter.
 */
const oncePerDay: ReadonlySet<PointSource> = new Set(['quiz-daily', 'reading-checkin']);

/** A source id as a field name (no dots or dollars). */
function fieldKey(sourceId: string): string {
  return sourceId.replace(/[.$]/g, '_');
}

const maxRounds = 5;

/**
 * Records the award once, within the cap; a repeat answers what was first awarded. One round
 * trip for a once-a-day source (the entry), two otherwise (the counter, then the entry).
 * `known`: the entry and counter as last read (undefined: not read yet).
 */
export async function recordAward(
  db: Database,
  openid: string,
  award: { source: PointSource; sourceId: string; points: number },
  known: { entry: LedgerEntry | null; caps: CapsDoc | null } | undefined,
  now: Date,
): Promise<{ awarded: number; repeat: boolean }> {
  const ledger = db.collection(pointsCollections.ledger);
  const id = ledgerId(openid, award.source, award.sourceId);
  const readEntry = async () => ((await ledger.where({ _id: id }).limit(1).get()).data[0] as LedgerEntry | undefined) ?? null;
  const entry = known ? known.entry : await readEntry();
  if (entry) return { awarded: entry.points, repeat: true };
  // A counter that already holds this award (a run that stopped before the entry) keeps its amount.
  const awarded = oncePerDay.has(award.source) ? cappedAward(award.points, 0, dailyCaps[award.source]) : await takeFromCap(db, openid, award, known?.caps, now);
  const written: LedgerEntry = { _id: id, openid, source: award.source, sourceId: award.sourceId, points: awarded, asked: award.points, day: dayKey(now), week: weekKey(now), createdAt: now };
  const added = await ledger
    .add({ data: written })
    .then(() => true)
    .catch(() => false);
  if (added) return { awarded, repeat: false };
  // Written by a concurrent run of this award meanwhile: that one counts.
  const winner = await readEntry();
  if (!winner) throw new Error(`could not write the ledger entry ${id}`);
  return { awarded: winner.points, repeat: true };
}

async function takeFromCap(
  db: Database,
  openid: string,
  award: { source: PointSource; sourceId: string; points: number },
  known: CapsDoc | null | undefined,
  now: Date,
): Promise<number> {
  const _ = db.command;
  const caps = db.collection(pointsCollections.caps);
  const day = dayKey(now);
  const id = capsId(openid, award.source, day);
  const key = fieldKey(award.sourceId);
  const read = async () => ((await caps.where({ _id: id }).limit(1).get()).data[0] as CapsDoc | undefined) ?? null;
  let doc = known === undefined ? await read() : known;
  for (let round = 0; round < maxRounds; round += 1) {
    const taken = doc?.awards?.[key];
    if (taken !== undefined) return taken;
    const earned = doc?.total ?? 0;
    const awarded = cappedAward(award.points, earned, dailyCaps[award.source]);
    if (!doc) {
      const fresh: CapsDoc = { _id: id, openid, source: award.source, day, total: awarded, awards: { [key]: awarded } };
      const added = await caps
        .add({ data: fresh })
        .then(() => true)
        .catch(() => false);
      if (added) return awarded;
    } else {
      const { stats } = await caps.where({ _id: id, total: earned, [`awards.${key}`]: _.exists(false) }).update({ data: { total: earned + awarded, [`awards.${key}`]: awarded, updatedAt: now } });
      if (stats.updated === 1) return awarded;
    }
    doc = await read();
  }
  throw new Error(`the points counter ${id} kept changing`);
}
