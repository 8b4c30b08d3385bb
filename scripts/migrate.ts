/**
 * npx tsx scripts/migrate.ts [--force]   brings stored data up to the current rules (also run by
 * npm run seed). Targets a real CloudBase environment when CLOUDBASE_ENV_ID, CLOUDBASE_SECRET_ID and
 * CLOUDBASE_SECRET_KEY are set, else the local cloud (LOCAL_CLOUD_URL, or the store in .localcloud/).
 * - selfDeclaredOrgs: organisations workers chose for themselves before membership by approval
 *   become pending join requests (scripts/migrations/selfDeclaredOrgs.ts).
 * - contestTallies: entries of contests run before participation was kept per organisation are
 *   counted into their organisations' tallies (scripts/migrations/contestTallies.ts).
 * - contestRankCounts: ended contests whose rank counts do not add up to their entries (run before
 *   submissions kept them) get them rebuilt from the entries (scripts/migrations/contestRankCounts.ts).
 * Every migration is idempotent and leaves a marker when done; --force runs them again.
 */
import os from 'node:os';
import type { Database } from '../server/db/database';
import { migrateContestRankCounts } from './migrations/contestRankCounts';
import { migrateContestTallies } from './migrations/contestTallies';
import { migrateSelfDeclaredOrgs } from './migrations/selfDeclaredOrgs';
import { openServerDatabase } from './serverDatabase';

/** Every migration in order, on an open database. */
export async function runMigrations(db: Database, actor: string, now: Date, options: { force?: boolean; log: (line: string) => void }): Promise<void> {
  const orgs = await migrateSelfDeclaredOrgs(db, actor, now, options);
  if (orgs.ran) options.log(`self-declared organisations: ${orgs.examined} workers with one, ${orgs.approved} approved, ${orgs.migrated} turned into pending requests`);
  const tallies = await migrateContestTallies(db, actor, now, options);
  if (tallies.ran) options.log(`contest participation: ${tallies.tallied} entries of ${tallies.contests} contests counted by organisation`);
  const ranks = await migrateContestRankCounts(db, actor, now, options);
  if (ranks.ran) options.log(`contest rank counts: rebuilt for ${ranks.rebuilt} contests (${ranks.entries} entries)${ranks.waiting.length ? `; ${ranks.waiting.length} still running, rebuilt by a run after they end` : ''}`);
}

/** Opens the target database, runs the migrations, closes what it opened. */
export async function migrate(local?: { url: string; envId: string }, force = false): Promise<void> {
  const { db, close } = await openServerDatabase(local);
  try {
    await runMigrations(db, `script:${os.userInfo().username}`, new Date(), { force, log: console.log });
  } finally {
    await close();
  }
}

if (require.main === module) {
  migrate(undefined, process.argv.includes('--force')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
