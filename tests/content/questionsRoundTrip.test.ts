import path from 'node:path';
import { exportQuestions } from '../../scripts/questionsExport';
import { importQuestions } from '../../scripts/questionsImport';
import { copyRepoData, fixtureDir, parsedQuestionFiles, questionFileTexts, removeDir } from './helpers/contentFixtures';

/** Export, import the export back (dry run, then for real) and compare with what was there. */
async function roundTrip(dir: string, ext: 'xlsx' | 'csv') {
  const before = questionFileTexts(dir);
  const file = path.join(dir, `export.${ext}`);
  const exported = await exportQuestions({ contentDir: dir, file });
  const dryRun = await importQuestions({ file, contentDir: dir, dryRun: true });
  const real = await importQuestions({ file, contentDir: dir, dryRun: false });
  return { before, exported, dryRun, real, after: questionFileTexts(dir) };
}

describe('questions:export then questions:import', () => {
  let dir: string;
  afterEach(() => removeDir(dir));

  test.each(['xlsx', 'csv'] as const)('the real bank survives a %s round trip without losing anything', async (ext) => {
    dir = copyRepoData();
    const original = parsedQuestionFiles(dir);
    const { before, exported, dryRun, real, after } = await roundTrip(dir, ext);
    expect(exported.skipped).toEqual([]);
    expect(dryRun.rows.filter((r) => r.problems.length > 0)).toEqual([]);
    expect(dryRun.bankErrors).toEqual([]);
    // toStrictEqual: region absent stays absent, not undefined; every character of every field is kept.
    expect(dryRun.merged).toStrictEqual(original);
    expect(real.ok).toBe(true);
    expect(real.written).toEqual([]);
    expect(after).toEqual(before);
  }, 30_000);

  test.each(['xlsx', 'csv'] as const)('line breaks, quotes, commas, five options and region survive a %s round trip', async (ext) => {
    dir = fixtureDir();
    const original = parsedQuestionFiles(dir);
    const { exported, dryRun, after, before } = await roundTrip(dir, ext);
    expect(exported.exported).toBe(6);
    expect(dryRun.merged).toStrictEqual(original);
    expect(after).toEqual(before);
  });
});
