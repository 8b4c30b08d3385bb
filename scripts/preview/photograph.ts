/**
 * Photographs rendered mini program pages with headless Chromium (from npm: @sparticuz/chromium +
 * playwright-core) and inspects each one: horizontal overflow past the 375-pt phone, template
 * leftovers in the visible text, and axe-core's colour-contrast and accessible-name rules.
 *
 *   tsx scripts/preview/photograph.ts   (JSON lines on stdin and stdout: see serve())
 *
 * The snapshots come from the page renderer (tests/pages/harness/previewRender.ts), which runs
 * pages in miniprogram-simulate; this side needs a real browser for layout and colours, so it runs
 * as a child process that keeps one browser open for a whole test file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../functionList';
import { phoneWidth, shellDocument, snapshotParts, type PageFindings, type PreviewSnapshot, type SessionStart } from './pageDocument';
import { previewKey } from './previewKey';
import { iconSvg } from './tdesignIcons';

export type { PageFindings, PreviewSnapshot, SessionStart } from './pageDocument';

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
  return previewKey(snapshot.page, snapshot.state);
}

/**
 * One browser for many snapshots: launched once, then each snapshot is drawn in the same shell page,
 * inspected and (with a folder) written to <key>.png as soon as it is taken.
 */
export class Photographer {
  private readonly icons = new Map<string, string | null>();

  private constructor(private readonly browser: Browser, private readonly page: Page, private readonly start: SessionStart) {}

  static async launch(start: SessionStart): Promise<Photographer> {
    const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args });
    try {
      const context = await browser.newContext({ viewport: { width: phoneWidth, height: 667 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      // A file next to node_modules, so the font's relative woff2 URLs and image files load.
      const htmlFolder = path.join(repoRoot, 'node_modules/.cache/preview');
      mkdirSync(htmlFolder, { recursive: true });
      const shell = path.join(htmlFolder, `shell-${process.pid}.html`);
      writeFileSync(shell, shellDocument(start.appCss, readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')));
      await page.goto(pathToFileURL(shell).href);
      if (start.pngFolder) mkdirSync(start.pngFolder, { recursive: true });
      return new Photographer(browser, page, start);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  private icon(name: string): string | null {
    if (!this.icons.has(name)) this.icons.set(name, iconSvg(name));
    return this.icons.get(name) ?? null;
  }

  async take(snapshot: PreviewSnapshot): Promise<PageFindings> {
    const { page } = this;
    const key = snapshotKey(snapshot);
    const started = Date.now();
    await page.evaluate(`window.previewApply(${JSON.stringify(snapshotParts(snapshot, this.start.tabBar, (name) => this.icon(name)))})`);
    // Canvases drawn from their tapes (the poster) before the pictures are waited for.
    await page.evaluate('Promise.all(window.previewPending)');
    await page.evaluate('document.fonts.ready.then(() => Promise.all(Array.from(document.images).map((i) => i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))))');
    await page.evaluate('window.previewLayout()');
    await page.evaluate(animationsDoneScript);
    const measured = await inspect(page);
    const laidOut = Date.now();
    const violations = await runAxe(page);
    if (process.env.PREVIEW_PROFILE) console.error(key, laidOut - started, Date.now() - laidOut);
    const result: PageFindings = { key, ...measured, violations, fontSizes: await fontSizes(page, snapshot.measure ?? []) };
    // PREVIEW_KEEP=<folder> keeps each photographed document (<key>.html), to see why a picture looks as it does.
    if (process.env.PREVIEW_KEEP) {
      mkdirSync(process.env.PREVIEW_KEEP, { recursive: true });
      writeFileSync(path.join(process.env.PREVIEW_KEEP, `${key}.html`), await page.content());
    }
    if (this.start.pngFolder) {
      result.png = path.join(this.start.pngFolder, `${key}.png`);
      await page.screenshot({ path: result.png, fullPage: true });
    }
    return result;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** The prefix of the photographer's answers on its stdout (anything else there is a library's log). */
export const replyPrefix = '\u0001preview ';

/**
 * Serves snapshots over stdin/stdout, one JSON line each way: the first line is a SessionStart
 * (answered { ready: true } once the browser is up), every further line a snapshot (answered with
 * its findings, or { error }). The browser closes when stdin ends.
 */
async function serve(): Promise<void> {
  const reply = (message: unknown) => process.stdout.write(`${replyPrefix}${JSON.stringify(message)}\n`);
  let photographer: Photographer | null = null;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!photographer) {
        photographer = await Photographer.launch(JSON.parse(line) as SessionStart);
        reply({ ready: true });
        continue;
      }
      try {
        reply({ findings: await photographer.take(JSON.parse(line) as PreviewSnapshot) });
      } catch (error) {
        reply({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
    }
  } finally {
    await photographer?.close();
  }
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
