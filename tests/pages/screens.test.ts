import path from 'node:path';
import type { PageFindings } from '../../scripts/preview/pageDocument';
import { invokeAs, writeRole } from './harness/previewCloud';
import { photographSnapshots } from './harness/previewPhotos';
import { allPages, renderState, type Snapshot } from './harness/previewRender';
import { previews } from './preview/states';
import type { PreviewContext } from './preview/previewTypes';

/**
 * Every page of app.json in the states a worker meets, rendered with miniprogram-simulate against
 * the seeded local cloud and photographed in headless Chromium (one launch for all). Fails when a
 * page overflows the 375-pt phone sideways, shows template leftovers ({{, undefined, NaN,
 * [object Object]) or breaks axe-core's contrast and accessible-name rules. `npm run preview`
 * runs this file with PREVIEW_SCREENS_DIR set and keeps the pictures.
 */
jest.setTimeout(600000);

const repoRoot = path.resolve(__dirname, '../..');
// PREVIEW_PAGES=pages/quiz renders only the pages whose path contains it (a quicker look at a few
// pages); several, comma-separated: PREVIEW_PAGES=pages/study,pages/me.
const only = process.env.PREVIEW_PAGES?.split(',').filter(Boolean) ?? [];
const states = previews.filter((preview) => only.length === 0 || only.some((part) => preview.page.includes(part))).flatMap((preview) => preview.states.map((state) => ({ page: preview.page, state })));
const keyOf = (page: string, state: string) => `${page.replace(/\/index$/, '').replace(/\//g, '-')}--${state}`;

let findings = new Map<string, PageFindings>();
const renderFailures = new Map<string, string>();

beforeAll(async () => {
  const snapshots: Snapshot[] = [];
  const started = Date.now();
  for (const { page, state } of states) {
    const key = keyOf(page, state.name);
    const context: PreviewContext = {
      openid: state.openid ?? `preview-${key}`,
      invoke: (name, action, input, openid) => invokeAs(openid ?? context.openid, name, action, input),
      grantRole: (openid, orgId, role = 'cadre') => writeRole(openid, orgId, role),
    };
    try {
      snapshots.push(await renderState(page, state, context));
    } catch (error) {
      renderFailures.set(key, error instanceof Error ? error.stack ?? error.message : String(error));
    }
  }
  console.log(`rendered ${snapshots.length} states in ${Date.now() - started} ms`);
  const pngFolder = process.env.PREVIEW_SCREENS_DIR ? path.resolve(repoRoot, process.env.PREVIEW_SCREENS_DIR) : undefined;
  findings = new Map((await photographSnapshots(snapshots, pngFolder)).map((f) => [f.key, f]));
});

test('every page of app.json has preview states', () => {
  const covered = new Set(previews.map((p) => p.page));
  expect(allPages().filter((page) => !covered.has(page))).toEqual([]);
});

describe.each(states.map(({ page, state }) => [keyOf(page, state.name)]))('%s', (key) => {
  test('renders', () => {
    expect(renderFailures.get(key) ?? '').toBe('');
    expect(findings.has(key)).toBe(true);
  });
  test('fits the 375-pt phone with no template leftovers', () => {
    const found = findings.get(key);
    expect(found?.overflowing ?? []).toEqual([]);
    expect(found?.leftovers ?? []).toEqual([]);
  });
  test('has no serious contrast or accessible-name violation', () => {
    expect(findings.get(key)?.violations ?? []).toEqual([]);
  });
});
