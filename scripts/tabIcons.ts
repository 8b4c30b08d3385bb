/**
 * Draws the tab bar icons (81×81 PNG, as WeChat recommends; unselected and selected) from TDesign's
 * icon sources with headless Chromium, into miniprogram/images/tab/. Run once when the tab bar
 * changes; the PNGs are committed (about 1–2 KB each, in the main package).
 *
 *   npx tsx scripts/tabIcons.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import { repoRoot } from './functionList';
import { iconSvg } from './preview/tdesignIcons';

/** Tab page → TDesign icon (outline when unselected, filled when selected). */
const tabIcons: Record<string, string> = {
  'pages/study/index': 'education',
  'pages/reading/index': 'book-open',
  'pages/service/index': 'service',
  'pages/me/index': 'user',
};

async function main(): Promise<void> {
  const app = JSON.parse(readFileSync(path.join(repoRoot, 'miniprogram/app.json'), 'utf8')) as { tabBar: { color: string; selectedColor: string } };
  const folder = path.join(repoRoot, 'miniprogram/images/tab');
  mkdirSync(folder, { recursive: true });
  const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args });
  try {
    const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
    for (const [pagePath, icon] of Object.entries(tabIcons)) {
      const name = pagePath.split('/')[1];
      for (const [variant, iconName, color] of [['', icon, app.tabBar.color], ['-active', `${icon}-filled`, app.tabBar.selectedColor]] as const) {
        const svg = iconSvg(iconName, 'width="72" height="72"');
        if (!svg) throw new Error(`TDesign has no icon ${iconName}`);
        await page.setContent(`<html><body style="margin:0;background:transparent"><div style="width:81px;height:81px;display:flex;align-items:center;justify-content:center;color:${color}">${svg}</div></body></html>`);
        await page.screenshot({ path: path.join(folder, `${name}${variant}.png`), omitBackground: true });
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
