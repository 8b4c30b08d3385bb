import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageFindings } from '../../scripts/preview/pageDocument';
import { previewKey } from '../../scripts/preview/previewKey';
import { invokeAs, writeRole } from './harness/previewCloud';
import { PhotoSession } from './harness/previewPhotos';
import { allPages, loadPage, renderState } from './harness/previewRender';
import { previews } from './preview/states';
import type { PreviewContext, PreviewState } from './preview/previewTypes';

/**
 * Every page of app.json in the states a worker meets, rendered with miniprogram-simulate against
 * the seeded local cloud and photographed in headless Chromium (one browser for the file). Fails
 * when a page overflows the 375-pt phone sideways, shows template leftovers ({{, undefined, NaN,
 * [object Object]) or breaks axe-core's contrast and accessible-name rules. `npm run preview`
 * runs this file with PREVIEW_SCREENS_DIR set and keeps the pictures, each written as it is taken.
 *
 * Each state is rendered and photographed in its own test with its own time limit, so a slow
 * machine fails (at worst) the states that ran out of time, not the whole file.
 */
const repoRoot = path.resolve(__dirname, '../..');
// PREVIEW_PAGES=pages/quiz renders only the pages whose path contains it (a quicker look at a few
// pages); several, comma-separated: PREVIEW_PAGES=pages/study,pages/me.
const only = process.env.PREVIEW_PAGES?.split(',').filter(Boolean) ?? [];
const pages = previews.filter((preview) => only.length === 0 || only.some((part) => preview.page.includes(part)));
const pngFolder = process.env.PREVIEW_SCREENS_DIR ? path.resolve(repoRoot, process.env.PREVIEW_SCREENS_DIR) : undefined;
// scripts/preview.ts asks for the keys this run means to photograph, to name any it missed.
if (process.env.PREVIEW_STATES_FILE) writeFileSync(process.env.PREVIEW_STATES_FILE, JSON.stringify(pages.flatMap((p) => p.states.map((s) => previewKey(p.page, s.name)))));

/** Launching the browser and compiling the pages' templates (wcc, once for all) on a busy 2-core machine. */
const startLimitMs = 300_000;
/** One state: its setup on the cloud, the render until the page settles (capped at 20 s twice), the picture. */
const stateLimitMs = 120_000;

let photos: PhotoSession | null = null;

beforeAll(async () => {
  const opening = PhotoSession.open(pngFolder);
  // The child starts its browser meanwhile; an opening that fails is reported by the await below.
  opening.catch(() => undefined);
  if (pages.length > 0) loadPage(pages[0].page);
  photos = await opening;
}, startLimitMs);

afterAll(async () => {
  await photos?.close();
});

// A state whose test ran out of time goes on in the background: the next one waits for it, as
// pages share the simulator's wx, storage and the viewer's connection to the cloud.
let previous: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = previous.catch(() => undefined).then(work);
  previous = run;
  return run;
}

async function renderAndPhotograph(page: string, state: PreviewState): Promise<PageFindings> {
  if (!photos) throw new Error('the browser did not start');
  const key = previewKey(page, state.name);
  const context: PreviewContext = {
    openid: state.openid ?? `preview-${key}`,
    invoke: (name, action, input, openid) => invokeAs(openid ?? context.openid, name, action, input),
    grantRole: (openid, orgId, role = 'cadre') => writeRole(openid, orgId, role),
  };
  return photos.photograph(await renderState(page, state, context));
}

test('every page of app.json has preview states', () => {
  const covered = new Set(previews.map((p) => p.page));
  expect(allPages().filter((page) => !covered.has(page))).toEqual([]);
});

describe.each(pages.map((preview) => [preview.page, preview] as const))('%s', (_page, preview) => {
  describe.each(preview.states.map((state) => [previewKey(preview.page, state.name), state] as const))('%s', (_key, state) => {
    let found: PageFindings | null = null;
    test('renders and is photographed', async () => {
      found = await oneAtATime(() => renderAndPhotograph(preview.page, state));
    }, stateLimitMs);
    test('fits the 375-pt phone with no template leftovers', () => {
      expect(found).not.toBeNull();
      expect(found?.overflowing).toEqual([]);
      expect(found?.leftovers).toEqual([]);
    });
    test('has no serious contrast or accessible-name violation', () => {
      expect(found).not.toBeNull();
      expect(found?.violations).toEqual([]);
    });
  });
});
