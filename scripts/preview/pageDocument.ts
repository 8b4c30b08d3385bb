import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../functionList';
import { miniprogramUrl, type TabBar } from './miniprogramProject';

/** The prefix of an image source that carries a canvas tape (see tests/pages/preview/tapeCanvas.ts). */
export const canvasTapePrefix = 'data:application/x-preview-canvas,';

export type { TabBar } from './miniprogramProject';

/** One rendered state of one page, as the renderer hands it over. */
export interface PreviewSnapshot {
  page: string;
  state: string;
  title: string;
  /** Index of this page in the tab bar, -1 when it is not a tab page. */
  tab: number;
  css: string;
  html: string;
  /** CSS selectors (class names as rendered, e.g. `.main--daily-state`) whose computed font size to report. */
  measure?: string[];
}

/** What the photographer needs once, before any snapshot: the app's styles and tab bar, and where pictures go. */
export interface SessionStart {
  appCss: string;
  tabBar: TabBar | null;
  pngFolder?: string;
}

export interface PageFindings {
  key: string;
  /** How far the widest element reaches past 375 pt (0 when nothing overflows). */
  overflowPx: number;
  overflowing: string[];
  /** Visible text that should never reach a worker: {{, undefined, NaN, [object Object]. */
  leftovers: string[];
  /** axe-core violations of impact serious or critical among the rules checked. */
  violations: Array<{ id: string; impact: string; help: string; targets: string[] }>;
  /** The computed font size (CSS px) of the first element each requested selector matches (0: none). */
  fontSizes: Record<string, number>;
  png?: string;
}

/** A 375-pt phone: WeChat's logical width (750 rpx). */
export const phoneWidth = 375;
const screenHeight = 667;
const navHeight = 44;
const tabHeight = 50;

const fontCss = ['400'].map((weight) => pathToFileURL(path.join(repoRoot, `node_modules/@fontsource/noto-sans-sc/${weight}.css`)).href);

/**
 * WeChat's renderer gives native tags their look; a browser knows none of them. This is the part
 * of that look pages rely on (block or inline, the default image box, the default button).
 */
const baseCss = `
html, body { margin: 0; padding: 0; background: #f5f5f5; -webkit-text-size-adjust: none; }
*:not(svg):not(svg *) { font-family: 'Noto Sans SC', sans-serif !important; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-picker, wx-navigator, wx-picker-view,
wx-radio-group, wx-checkbox-group, wx-canvas, wx-rich-text, wx-movable-area, wx-cover-view { display: block; }
wx-text, wx-label, wx-icon, wx-open-data { display: inline; }
wx-text { white-space: pre-wrap; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; position: relative; }
wx-image > img { width: 100%; height: 100%; display: block; }
wx-image.preview-width-fix { height: auto; }
wx-image.preview-width-fix > img { height: auto; }
wx-image > .preview-missing-image { width: 100%; height: 100%; background: #e7e7e7; display: flex; align-items: center; justify-content: center; color: #8b8b8b; font-size: 24px; }
wx-canvas { width: 300px; height: 150px; }
wx-scroll-view { overflow: hidden; }
wx-scroll-view[data-wx-scroll-x="true"] { overflow-x: auto; white-space: nowrap; }
wx-input, wx-textarea { display: block; min-height: 1.4em; line-height: 1.4em; overflow: hidden; white-space: nowrap; text-overflow: clip; }
wx-textarea { width: 300px; height: 150px; white-space: pre-wrap; }
.preview-placeholder { color: var(--td-text-color-placeholder, #767676); }
wx-button { display: block; position: relative; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px;
  box-sizing: border-box; font-size: 18px; text-align: center; text-decoration: none; line-height: 2.55555556; border-radius: 5px;
  overflow: hidden; color: #000000; background-color: #f8f8f8; border: 1px solid rgba(0, 0, 0, 0.2); }
wx-button[plain] { background: transparent; }
wx-progress { display: flex; align-items: center; }
.preview-progress { flex: 1; height: 6px; background: #ebebeb; }
.preview-progress > div { height: 100%; background: #09bb07; }
wx-switch { display: inline-block; }
.preview-switch { width: 52px; height: 32px; border-radius: 16px; background: #dfdfdf; position: relative; display: inline-block; vertical-align: middle; }
.preview-switch.on { background: #07c160; }
.preview-switch::after { content: ''; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 14px; background: #fff; }
.preview-switch.on::after { left: 22px; }
wx-checkbox, wx-radio { display: inline-flex; align-items: center; }
.preview-box { width: 22px; height: 22px; border: 1px solid #d1d1d1; border-radius: 3px; margin-right: 5px; background: #fff; display: inline-flex; align-items: center; justify-content: center; color: #07c160; }
wx-radio .preview-box { border-radius: 50%; }
[class*="t-icon--t-icon-"]::before { content: none !important; }
.preview-svg-icon { display: inline-block; width: 1em; height: 1em; vertical-align: -0.125em; }
.preview-svg-icon > svg { width: 100%; height: 100%; display: block; }
.preview-shell { width: ${phoneWidth}px; min-height: ${screenHeight}px; display: flex; flex-direction: column; background: #f5f5f5; }
.preview-nav { height: ${navHeight}px; flex: none; background: #c8161d; color: #ffffff; display: flex; align-items: center; justify-content: center;
  font-size: 17px; font-weight: 500; position: relative; }
.preview-nav .capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; border-radius: 16px; border: 1px solid rgba(255,255,255,0.35);
  box-sizing: border-box; background: rgba(255,255,255,0.12); }
.preview-page { flex: 1; position: relative; overflow-x: visible; }
.preview-tabbar { height: ${tabHeight}px; flex: none; display: flex; border-top: 1px solid rgba(0,0,0,0.2); }
.preview-tabbar > div { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; font-size: 10px; }
.preview-tabbar img { width: 24px; height: 24px; margin-bottom: 2px; }
`;

/**
 * Runs in the shell page for each snapshot: swaps in its styles and markup, then gives native tags
 * the look WeChat draws from their properties (written out by the renderer as data-wx-*).
 */
const applyScript = `
// A canvas the page drew on (the share poster) arrives as a tape of its 2d calls
// (tests/pages/preview/tapeCanvas.ts): drawn here on a real canvas, with the page's web font.
window.previewReplay = async function (tape, img) {
  const face = (font) => String(font).replace(/^(.*?\\d+(?:\\.\\d+)?px)\\s+.*$/, "$1 'Noto Sans SC', sans-serif");
  const images = await Promise.all(tape.images.map((src) => new Promise((resolve) => {
    const picture = new Image();
    picture.onload = () => resolve(picture);
    picture.onerror = () => resolve(null);
    picture.src = src;
  })));
  let font = '10px sans-serif';
  const loads = [];
  for (const op of tape.ops) {
    if (op.set === 'font') font = face(op.value);
    if (op.call === 'fillText') loads.push(document.fonts.load(font, String(op.args[0])));
  }
  await Promise.all(loads);
  const canvas = document.createElement('canvas');
  canvas.width = tape.width;
  canvas.height = tape.height;
  const ctx = canvas.getContext('2d');
  for (const op of tape.ops) {
    if (op.set) ctx[op.set] = op.set === 'font' ? face(op.value) : op.value;
    else ctx[op.call](...op.args.map((arg) => (arg && typeof arg === 'object' && 'image' in arg ? images[arg.image] : arg)));
  }
  img.src = canvas.toDataURL('image/png');
};
window.previewApply = function (parts) {
  window.previewPending = [];
  document.getElementById('preview-page-css').textContent = parts.css;
  document.getElementById('preview-shell').innerHTML = parts.body;
  document.title = parts.title;
  const icons = parts.icons;
  for (const element of document.querySelectorAll('[class*="t-icon--t-icon-"]')) {
    const name = Array.from(element.classList).map((c) => /^t-icon--t-icon-(.+)$/.exec(c)).filter(Boolean).map((m) => m[1]).find((n) => icons[n]);
    if (name) element.insertAdjacentHTML('afterbegin', '<span class="preview-svg-icon">' + icons[name] + '</span>');
  }
  for (const input of document.querySelectorAll('wx-input, wx-textarea')) {
    const value = input.getAttribute('data-wx-value');
    const shown = value ? (input.getAttribute('data-wx-password') === 'true' ? '•'.repeat(value.length) : value) : input.getAttribute('data-wx-placeholder');
    if (!shown) continue;
    const span = document.createElement('span');
    if (!value) span.className = 'preview-placeholder';
    span.textContent = shown;
    input.appendChild(span);
  }
  for (const image of document.querySelectorAll('wx-image')) {
    const src = image.getAttribute('data-wx-src') || '';
    const mode = image.getAttribute('data-wx-mode') || 'scaleToFill';
    if (mode === 'widthFix') image.classList.add('preview-width-fix');
    if (src.startsWith(${JSON.stringify(canvasTapePrefix)})) {
      const img = document.createElement('img');
      img.alt = '';
      image.appendChild(img);
      window.previewPending.push(window.previewReplay(JSON.parse(decodeURIComponent(src.slice(${canvasTapePrefix.length}))), img));
    } else if (/^(https?:|file:|data:)/.test(src) || src.startsWith('/')) {
      const img = document.createElement('img');
      img.src = src.startsWith('/') ? ${JSON.stringify(miniprogramUrl)} + src : src;
      img.alt = '';
      img.style.objectFit = { aspectFill: 'cover', aspectFit: 'contain', widthFix: 'fill', scaleToFill: 'fill' }[mode] || 'cover';
      image.appendChild(img);
    } else {
      image.insertAdjacentHTML('beforeend', '<div class="preview-missing-image">图片</div>');
    }
    // A picture inside a button or a labelled item (t-upload's thumbnails, 图像 / 上传中:40%) is part of it
    // (ARIA: a button's children are presentational): the item's label names it.
    if (image.parentElement && image.parentElement.closest('[role="button"], [aria-label]')) image.removeAttribute('role');
    else if (!image.hasAttribute('role')) image.setAttribute('role', 'img');
    if (image.getAttribute('aria-hidden') === 'true') image.removeAttribute('role');
  }
  for (const bar of document.querySelectorAll('wx-progress')) {
    const percent = Number(bar.getAttribute('data-wx-percent') || 0);
    const color = bar.getAttribute('data-wx-active-color') || '#09bb07';
    bar.insertAdjacentHTML('afterbegin', '<div class="preview-progress"><div style="width:' + percent + '%;background:' + color + '"></div></div>');
  }
  for (const toggle of document.querySelectorAll('wx-switch')) {
    toggle.insertAdjacentHTML('afterbegin', '<span class="preview-switch' + (toggle.getAttribute('data-wx-checked') === 'true' ? ' on' : '') + '"></span>');
    if (!toggle.hasAttribute('role')) toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', String(toggle.getAttribute('data-wx-checked') === 'true'));
  }
  for (const box of document.querySelectorAll('wx-checkbox, wx-radio')) {
    box.insertAdjacentHTML('afterbegin', '<span class="preview-box">' + (box.getAttribute('data-wx-checked') === 'true' ? '✓' : '') + '</span>');
  }
  for (const data of document.querySelectorAll('wx-open-data')) {
    // WeChat draws a group's name only inside WeChat (code never reads it): a stand-in name.
    if (data.getAttribute('data-wx-type') === 'groupName') data.textContent = '车间学习群';
  }
  for (const rich of document.querySelectorAll('wx-rich-text')) {
    const nodes = rich.getAttribute('data-wx-nodes');
    if (nodes && !nodes.startsWith('[')) rich.innerHTML = nodes.startsWith('"') ? JSON.parse(nodes) : nodes;
  }
  for (const button of document.querySelectorAll('wx-button')) if (!button.hasAttribute('role')) button.setAttribute('role', 'button');
  for (const link of document.querySelectorAll('wx-navigator')) if (!link.hasAttribute('role')) link.setAttribute('role', 'link');
};
// Runs once the fonts have loaded, as it measures: what WeChat's components do with the layout.
window.previewLayout = function () {
  // WeChat's web view starts below its own navigation bar, so an element fixed to the top of the
  // screen (a sticky t-tabs, an overlay) sits under the bar; the picture draws the bar in the page.
  const nav = document.querySelector('.preview-nav');
  const navHeight = nav ? nav.getBoundingClientRect().height : 0;
  for (const element of document.querySelectorAll('.preview-page *')) {
    const style = getComputedStyle(element);
    if (style.position !== 'fixed' || style.top !== '0px') continue;
    element.style.setProperty('top', navHeight + 'px', 'important');
    // t-sticky keeps the fixed bar's place with a holder as tall as the bar, measured: zero in the simulator.
    const holder = element.parentElement;
    const height = element.getBoundingClientRect().height;
    if (holder && holder.style.height && holder.getBoundingClientRect().height < height) holder.style.height = height + 'px';
  }
  // t-tabs scrolls its active tab to the middle and slides its track under it, from measurements
  // the simulator cannot make (its rects are all zero): done here as TDesign does it on a phone.
  for (const scroll of document.querySelectorAll('.t-tabs--t-tabs__scroll')) {
    const active = scroll.querySelector('.t-tabs--t-tabs__item--active');
    if (!active) continue;
    const track = scroll.querySelector('.t-tabs--t-tabs__track');
    if (track && track.offsetParent) {
      const left = active.getBoundingClientRect().left - track.offsetParent.getBoundingClientRect().left;
      const distance = left + (active.getBoundingClientRect().width - track.getBoundingClientRect().width) / 2;
      track.style.transform = 'translateX(' + distance + 'px)';
      track.style.opacity = '1';
    }
    const middle = active.getBoundingClientRect().left - scroll.getBoundingClientRect().left + scroll.scrollLeft + active.getBoundingClientRect().width / 2 - scroll.clientWidth / 2;
    scroll.scrollLeft = Math.min(Math.max(middle, 0), scroll.scrollWidth - scroll.clientWidth);
  }
  // A chip the worker tapped in a sideways scroll-view (the leaderboard's scopes) was in view when
  // tapped: scrolled into view, as far as needed.
  for (const scroll of document.querySelectorAll('wx-scroll-view[data-wx-scroll-x="true"]:not(.t-tabs--t-tabs__scroll)')) {
    const active = Array.from(scroll.children).find((child) => Array.from(child.classList).some((name) => name.endsWith('-active')));
    if (!active) continue;
    const box = active.getBoundingClientRect();
    const frame = scroll.getBoundingClientRect();
    if (box.right > frame.right) scroll.scrollLeft += box.right - frame.right + 12;
    else if (box.left < frame.left) scroll.scrollLeft -= frame.left - box.left + 12;
  }
};
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tabBarHtml(tabBar: TabBar, selected: number): string {
  const items = tabBar.list.map((item, index) => {
    const on = index === selected;
    const icon = on ? item.selectedIconPath : item.iconPath;
    const img = icon ? `<img alt="" src="${miniprogramUrl}/${icon}">` : '';
    return `<div style="color:${on ? tabBar.selectedColor : tabBar.color}">${img}<span>${escapeHtml(item.text)}</span></div>`;
  });
  return `<div class="preview-tabbar" style="background:${tabBar.backgroundColor}">${items.join('')}</div>`;
}

/**
 * The one page the browser opens: fonts, the base look of native tags, app.wxss and axe-core load
 * once; each snapshot then swaps its own styles and markup in (see previewApply).
 */
export function shellDocument(appCss: string, axeSource: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>preview</title>
${fontCss.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>${baseCss}</style>
<style>${appCss}</style>
<style id="preview-page-css"></style>
</head><body>
<div class="preview-shell" id="preview-shell"></div>
<script>${axeSource}</script>
<script>${applyScript}</script>
</body></html>`;
}

export interface SnapshotParts {
  title: string;
  css: string;
  body: string;
  icons: Record<string, string>;
}

/** What previewApply needs to draw one snapshot inside the phone frame (navigation bar, tab bar). */
export function snapshotParts(snapshot: PreviewSnapshot, tabBar: TabBar | null, icon: (name: string) => string | null): SnapshotParts {
  const names = new Set<string>();
  for (const match of snapshot.html.matchAll(/t-icon--t-icon-([a-z0-9-]+)/g)) names.add(match[1]);
  const icons = Object.fromEntries([...names].map((name) => [name, icon(name)]).filter((entry): entry is [string, string] => entry[1] !== null));
  const body = `<div class="preview-nav" aria-hidden="true">${escapeHtml(snapshot.title)}<span class="capsule"></span></div>
<div class="preview-page">${snapshot.html}</div>
${snapshot.tab >= 0 && tabBar ? tabBarHtml(tabBar, snapshot.tab) : ''}`;
  return { title: snapshot.title, css: snapshot.css, body, icons };
}
