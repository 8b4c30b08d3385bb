import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../functionList';

/**
 * The mini program as the page tests, the page renderer and the picture shell all read it: its
 * folder, app.json (pages, subpackages, tab bar) and a page's own json.
 */
export const miniprogramRoot = path.join(repoRoot, 'miniprogram');
/** The same folder as a file URL, for images the browser loads. */
export const miniprogramUrl = pathToFileURL(miniprogramRoot).href;

export interface TabBar {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }>;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: TabBar;
}

export function appJson(): AppJson {
  return JSON.parse(readFileSync(path.join(miniprogramRoot, 'app.json'), 'utf8')) as AppJson;
}

/** Every page of app.json, subpackage pages with their root. */
export function allPages(): string[] {
  const app = appJson();
  return [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}

/** A page's navigation bar title and its place in the tab bar (-1: not a tab page). */
export function pageConfig(pagePath: string): { title: string; tab: number } {
  const json = JSON.parse(readFileSync(path.join(miniprogramRoot, `${pagePath}.json`), 'utf8')) as { navigationBarTitleText?: string };
  const tab = (appJson().tabBar?.list ?? []).findIndex((item) => item.pagePath === pagePath);
  return { title: json.navigationBarTitleText ?? '职工之家', tab };
}

/**
 * Options for WeChat's own template compiler (wcc): it compiles every template of the folder, the
 * TDesign library's included, into one script, which is past the 1 MB that node's spawnSync keeps by
 * default (ENOBUFS otherwise).
 */
export const officialCompilerOptions = { maxBuffer: 64 * 1024 * 1024 };
