import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contracts } from '../../server/contracts';
import { functionNames, functionsRoot, repoRoot } from '../../scripts/functionList';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));

describe('project configuration', () => {
  test('WeChat DevTools imports the project as is: mini program and cloud function roots, TypeScript plugin', () => {
    const config = readJson('project.config.json');
    expect(config.miniprogramRoot).toBe('miniprogram/');
    expect(config.cloudfunctionRoot).toBe('cloudfunctions/');
    expect(config.setting.useCompilerPlugins).toContain('typescript');
  });

  test('every contract domain has a cloud function, and every function is deployable by the CloudBase CLI', () => {
    const rc = readJson('cloudbaserc.json') as { functionRoot: string; functions: Array<{ name: string; runtime: string; timeout: number; handler: string }> };
    expect(rc.functionRoot).toBe('./cloudfunctions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames());
    for (const domain of Object.keys(contracts)) expect(functionNames()).toContain(domain);
    for (const fn of rc.functions) {
      expect(fn).toMatchObject({ runtime: 'Nodejs16.13', handler: 'index.main' });
      expect(fn.timeout).toBeGreaterThanOrEqual(3);
      expect(fn.timeout).toBeLessThanOrEqual(60);
    }
  });

  test('each function folder depends on wx-server-sdk only (everything else is bundled)', () => {
    for (const name of functionNames()) {
      const pkg = readJson(path.join('cloudfunctions', name, 'package.json'));
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
      expect(pkg.dependencies['wx-server-sdk']).toBe(readJson('package.json').devDependencies['wx-server-sdk']);
      expect(existsSync(path.join(functionsRoot, name, 'index.js'))).toBe(true);
    }
  });

  test('every declared collection denies direct client access: everything goes through functions', () => {
    const { collections } = readJson('database/collections.json') as { collections: Array<{ name: string; rules: { read: boolean; write: boolean } }> };
    expect(collections.length).toBeGreaterThan(0);
    for (const c of collections) expect(c.rules).toEqual({ read: false, write: false });
  });

  test('the cadre pages live in a subpackage and components load lazily', () => {
    const app = readJson('miniprogram/app.json');
    expect(app.subPackages).toEqual(expect.arrayContaining([expect.objectContaining({ root: 'cadre' })]));
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['学习', '阅读', '办实事', '我的']);
  });
});
