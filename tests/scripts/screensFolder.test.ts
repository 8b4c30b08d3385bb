import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/functionList';
import { previewKey } from '../../scripts/preview/previewKey';
import { previews } from '../pages/preview/states';

/**
 * docs/screens holds one picture per declared preview state (tests/pages/preview/states), named
 * <key>.png, and nothing else at its top level: a state added without its picture, or a picture
 * left from a state renamed or removed, fails here without rendering anything. `npm run preview`
 * regenerates the folder (and removes pictures no state declares).
 */
const folder = path.join(repoRoot, 'docs/screens');
const declared = previews.flatMap((preview) => preview.states.map((state) => previewKey(preview.page, state.name)));
const pictures = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.png'))
  .map((entry) => entry.name.slice(0, -'.png'.length));

describe('docs/screens', () => {
  test('state names are unique, so no two states share a picture', () => {
    expect(declared.filter((key, index) => declared.indexOf(key) !== index)).toEqual([]);
  });

  test('every declared preview state has its picture', () => {
    const have = new Set(pictures);
    expect(declared.filter((key) => !have.has(key))).toEqual([]);
  });

  test('no picture is left from a state no longer declared', () => {
    const known = new Set(declared);
    expect(pictures.filter((key) => !known.has(key))).toEqual([]);
  });
});
