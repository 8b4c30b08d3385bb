/**
 * Photographs rendered mini program pages with headless Chromium (from npm: @sparticuz/chromium +
 * playwright-core) and inspects each one: horizontal overflow past the 375-pt phone, template
 * leftovers in the visible text, and axe-core's colour-contrast and accessible-name rules.
 *
 *   tsx scripts/preview/photograph.ts <snapshots.json> <results.json> [<png folder>]
 *
 * The snapshots come from the page renderer (tests/pages/harness/previewRender.ts), which runs
 * pages in miniprogram-simulate; this side needs a real browser for layout and colours.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Page } from 'playwright-core';
import { repoRoot } from '../functionList';
import { phoneWidth, shellDocument, snapshotParts, type PageFindings, type PreviewManifest } from './pageDocument';
import { iconSvg } from './tdesignIcons';

export type { PageFindings, PreviewManifest } from './pageDocument';

const axeRules = ['color-contrast', 'button-name', 'aria-command-name', 'image-alt', 'role-img-alt', 'link-name', 'aria-toggle-field-name', 'aria-input-field-name'];

/** Inside the page: replaces icon-font glyphs with inline SVG, then measures. */
const inspectScript = `(() => {
  const width = document.documentElement.clientWidth;
  // Content inside a box that clips or scrolls sideways (and itself fits) is not page overflow.
  const clipped = (element) => {
    for (let parent = element.parentElement; parent && !parent.classList.contains('preview-page'); parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowX;
      if (overflow !== 'visible' && parent.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const overflowing = [];
  let reach = width;
  for (const element of document.querySelectorAll('.preview-page *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 0.5 && !clipped(element)) {
      // Report the outermost culprit only: a child of an overflowing box adds nothing.
      if (!overflowing.some((o) => element.closest('[data-preview-overflow="' + o + '"]'))) {
        const id = String(overflowing.length);
        element.setAttribute('data-preview-overflow', id);
        overflowing.push(id);
        reach = Math.max(reach, box.right);
      }
    }
  }
  const described = overflowing.map((id) => {
    const element = document.querySelector('[data-preview-overflow="' + id + '"]');
    return element.tagName.toLowerCase() + '.' + String(element.className).trim().split(/\\s+/).join('.') + ' → ' + Math.round(element.getBoundingClientRect().right) + 'px';
  });
  const text = document.querySelector('.preview-page').innerText;
  const leftovers = [];
  for (const word of ['{{', '}}', 'undefined', 'NaN', '[object Object]', 'null']) {
    const at = text.indexOf(word);
    if (at >= 0) leftovers.push(word + ' in “' + text.slice(Math.max(0, at - 20), at + 20).replace(/\\s+/g, ' ') + '”');
  }
  return { overflowPx: Math.max(0, Math.round(reach - width)), overflowing: described, leftovers };
})()`;

/**
 * Inside the page: waits for the CSS transitions and animations that end (a fade or slide-in),
 * capped, then one frame, so the picture shows where they land. Endless ones (a spinner) are left.
 */
const animationsDoneScript = `(() => {
  const ending = document.getAnimations().filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  const cap = new Promise((resolve) => setTimeout(resolve, 2000));
  return Promise.race([Promise.all(ending.map((a) => a.finished.catch(() => null))), cap]).then(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
})()`;

async function inspect(page: Page): Promise<Omit<PageFindings, 'key' | 'violations' | 'fontSizes'>> {
  return (await page.evaluate(inspectScript)) as Omit<PageFindings, 'key' | 'violations' | 'fontSizes'>;
}

async function fontSizes(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return (await page.evaluate(`(${JSON.stringify(selectors)}).reduce((sizes, selector) => {
    const element = document.querySelector('.preview-page ' + selector);
    sizes[selector] = element ? parseFloat(getComputedStyle(element).fontSize) : 0;
    return sizes;
  }, {})`)) as Record<string, number>;
}

async function runAxe(page: Page): Promise<PageFindings['violations']> {
  const result = (await page.evaluate(`axe.run(document.querySelector('.preview-page'), { runOnly: { type: 'rule', values: ${JSON.stringify(axeRules)} }, resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`) }));
}

export function snapshotKey(snapshot: { page: string; state: string }): string {
  return `${snapshot.page.replace(/\/index$/, '').replace(/\//g, '-')}--${snapshot.state}`;
}

export async function photograph(manifest: PreviewManifest, pngFolder?: string): Promise<PageFindings[]> {
  const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args });
  const findings: PageFindings[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: phoneWidth, height: 667 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const icons = new Map<string, string | null>();
    const icon = (name: string): string | null => {
      if (!icons.has(name)) icons.set(name, iconSvg(name));
      return icons.get(name) ?? null;
    };
    // A file next to node_modules, so the font's relative woff2 URLs and image files load.
    const htmlFolder = path.join(repoRoot, 'node_modules/.cache/preview');
    mkdirSync(htmlFolder, { recursive: true });
    const shell = path.join(htmlFolder, 'shell.html');
    writeFileSync(shell, shellDocument(manifest.appCss, readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')));
    await page.goto(pathToFileURL(shell).href);
    if (pngFolder) mkdirSync(pngFolder, { recursive: true });
    for (const snapshot of manifest.snapshots) {
      const key = snapshotKey(snapshot);
      const started = Date.now();
      await page.evaluate(`window.previewApply(${JSON.stringify(snapshotParts(snapshot, manifest.tabBar, icon))})`);
      // Canvases drawn from their tapes (the poster) before the pictures are waited for.
      await page.evaluate('Promise.all(window.previewPending)');
      await page.evaluate('document.fonts.ready.then(() => Promise.all(Array.from(document.images).map((i) => i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))))');
      await page.evaluate(animationsDoneScript);
      const measured = await inspect(page);
      const laidOut = Date.now();
      const violations = await runAxe(page);
      if (process.env.PREVIEW_PROFILE) console.log(key, laidOut - started, Date.now() - laidOut);
      const result: PageFindings = { key, ...measured, violations, fontSizes: await fontSizes(page, snapshot.measure ?? []) };
      if (pngFolder) {
        result.png = path.join(pngFolder, `${key}.png`);
        await page.screenshot({ path: result.png, fullPage: true });
      }
      findings.push(result);
    }
  } finally {
    await browser.close();
  }
  return findings;
}

async function main(): Promise<void> {
  const [manifestFile, resultsFile, pngFolder] = process.argv.slice(2);
  if (!manifestFile || !resultsFile) throw new Error('usage: photograph.ts <snapshots.json> <results.json> [<png folder>]');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PreviewManifest;
  const findings = await photograph(manifest, pngFolder);
  writeFileSync(resultsFile, JSON.stringify(findings, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
