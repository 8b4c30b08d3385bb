import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Simulate from 'miniprogram-simulate';
import { allPages, appJson, miniprogramRoot, officialCompilerOptions, pageConfig } from '../../../scripts/preview/miniprogramProject';
import { connectAs, nextPageActivity, notePageActivity, pageActivity } from './previewCloud';
import type { PreviewSnapshot } from '../../../scripts/preview/pageDocument';
import type { PreviewContext, PreviewState } from '../preview/previewTypes';

type RenderedPage = ReturnType<typeof Simulate.render>;

/**
 * Renders pages for pictures with WeChat's own WXML compiler (wcc, the 'official' compiler of
 * miniprogram-simulate): it evaluates TDesign's WXS class helpers, which the pure-JS compiler
 * leaves blank. The whole tree compiles once per module registry, so every page of a test file is
 * loaded once (a second load of one path renders nothing) and rendered once per state.
 */
const loaded = new Map<string, string>();
let simulate: typeof Simulate | null = null;

/** Native tags carry these as public properties so a snapshot can show what WeChat would draw. */
const nativeProperties: Record<string, string[]> = {
  input: ['value', 'placeholder', 'password', 'type'],
  textarea: ['value', 'placeholder'],
  image: ['src', 'mode'],
  progress: ['percent', 'activeColor', 'backgroundColor'],
  switch: ['checked', 'color'],
  checkbox: ['checked', 'value'],
  radio: ['checked', 'value'],
  'open-data': ['type', 'openGid'],
  'rich-text': ['nodes'],
  slider: ['value', 'min', 'max'],
  icon: ['type', 'size', 'color'],
  canvas: ['type'],
  button: ['openType'],
  'scroll-view': ['scrollX'],
};
const ariaProperties = ['ariaLabel', 'ariaRole', 'ariaHidden'];
const allNativeTags = ['view', 'text', 'button', 'navigator', 'swiper', 'swiper-item', 'label', 'picker', 'form', ...Object.keys(nativeProperties)];

/** rpx as WeChat sizes it on a 375-pt phone (750 rpx across): the browser then draws at 375 CSS px, 2x. */
export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_all, value: string) => `${Number(value) / 2}px`);
}

interface ExparserComponent {
  __virtual?: boolean;
  hasExternalClass(name: string): boolean;
  setExternalClass(name: string, value: string): void;
}

/**
 * `class="retry-button"` on a TDesign component: TDesign components are virtual hosts (no element
 * of their own) that declare `class` as an external class, and WeChat hands the parent's classes to
 * it, so they land on the component's root. j-component sets them on the missing host instead, where
 * they vanish (t-rate's unselected stars lost their grey, a page's own button classes their look).
 */
function passClassToVirtualHosts(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as { Component: { prototype: object } };
  const prototype = exparser.Component.prototype;
  let owner: object | null = prototype;
  let property: PropertyDescriptor | undefined;
  while (owner && !(property = Object.getOwnPropertyDescriptor(owner, 'class'))) owner = Object.getPrototypeOf(owner) as object | null;
  if (!property?.set || !property.get) throw new Error('exparser elements have no class property: the simulator changed');
  const { get, set } = property;
  Object.defineProperty(prototype, 'class', {
    configurable: true,
    get,
    set(this: ExparserComponent, value: string) {
      set.call(this, value);
      if (this.__virtual && this.hasExternalClass('class')) this.setExternalClass('class', value ?? '');
    },
  });
}

function simulator(): typeof Simulate {
  if (simulate) return simulate;
  // Both libraries turn rpx into px one to one (a 750 px page); ours is 375 px wide like the phone.
  for (const utils of ['j-component/src/tool/utils', 'miniprogram-simulate/src/utils']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(utils) as { transformRpx(css: string): string }).transformRpx = rpxToPx;
  }
  // The simulator runs each component's file with require() and then deletes it from Node's cache;
  // jest keeps its own registry, so a component used by a second page would never register again.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('miniprogram-simulate/src/utils') as { runJs(file: string): void }).runJs = (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require(file));
  };
  passClassToVirtualHosts();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  simulate = require('miniprogram-simulate') as typeof Simulate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jComponent = require('j-component') as { register(definition: Record<string, unknown>): string };
  for (const tag of new Set(allNativeTags)) {
    const names = [...(nativeProperties[tag] ?? []), ...ariaProperties];
    const properties = Object.fromEntries(names.map((name) => [name, { type: null, value: null }]));
    jComponent.register({ id: tag, tagName: `wx-${tag}`, template: '<slot/>', properties });
  }
  return simulate;
}

/** Compiles the page (the first load compiles the whole tree: seconds), so its first render is quick. */
export function loadPage(pagePath: string): string {
  const known = loaded.get(pagePath);
  if (known) return known;
  const id = simulator().load(path.join(miniprogramRoot, pagePath), { rootPath: miniprogramRoot, compiler: 'official', compilerOptions: officialCompilerOptions });
  loaded.set(pagePath, id);
  return id;
}

/**
 * Waits until the page has settled: no cloud call in flight, and once the last one came back the
 * page did nothing more (no call, no setData) while its continuations and zero-delay timers ran.
 */
export async function settle(timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the page kept calling the cloud or setting data');
    const before = pageActivity();
    if (before.inFlight > 0) {
      await Promise.race([nextPageActivity(), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
      continue;
    }
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    const after = pageActivity();
    if (after.inFlight === 0 && after.count === before.count) return;
  }
}

// TDesign's transition behaviour (dialog, popup, overlay, toast) steps its classes on timers of its
// own components, which settle() does not see: a picture taken mid-way shows an invisible dialog.
const transitionClass = /(^|\s)\S*-(enter|leave)(-active|-to)?(?=\s|$)/;

/** Waits until no element of the page carries a TDesign enter/leave class (capped: then the picture shows what is there). */
export async function transitionsDone(root: Element, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const moving = () => [root, ...Array.from(root.querySelectorAll('*'))].some((element) => transitionClass.test(element.getAttribute('class') ?? ''));
  while (moving() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A phone's images fire `load` once drawn; the simulator's never do, so t-image (thumbnails,
 * avatars) would stay on its loading mask. Fires it on every native image that has a source.
 */
function loadImages(root: Element): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as { Event: { create(name: string, detail: object, options: object): unknown; dispatchEvent(node: unknown, event: unknown): void } };
  let fired = 0;
  for (const element of Array.from(root.querySelectorAll('wx-image'))) {
    const node = (element as unknown as { __wxElement?: ExparserNative }).__wxElement;
    if (!node || typeof node.data?.src !== 'string' || node.data.src === '') continue;
    exparser.Event.dispatchEvent(node, exparser.Event.create('load', { width: 300, height: 300 }, { bubbles: false, composed: false, capturePhase: false }));
    fired += 1;
  }
  return fired;
}

/** Counts the page's setData calls as activity (settle() waits for them to stop). */
function watchSetData(instance: { setData(data: Record<string, unknown>, callback?: () => void): void }): void {
  const setData = instance.setData.bind(instance);
  instance.setData = (data, callback) => {
    notePageActivity();
    setData(data, callback);
  };
}

interface ExparserNative {
  is?: string;
  data?: Record<string, unknown>;
}

function describeNative(original: Element, copy: Element): void {
  const node = (original as unknown as { __wxElement?: ExparserNative }).__wxElement;
  const data = node?.data;
  if (!data) return;
  const tag = original.tagName.toLowerCase().replace(/^wx-/, '');
  for (const name of ariaProperties) {
    const value = data[name];
    if (value === null || value === undefined || value === '') continue;
    const attribute = name === 'ariaRole' ? 'role' : name === 'ariaLabel' ? 'aria-label' : 'aria-hidden';
    copy.setAttribute(attribute, String(value));
  }
  for (const name of nativeProperties[tag] ?? []) {
    const value = data[name];
    if (value === null || value === undefined) continue;
    copy.setAttribute(`data-wx-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** The page's DOM with native components' properties written out as attributes, for the browser. */
function serialise(page: RenderedPage): string {
  const root = page.dom as HTMLElement;
  const copy = root.cloneNode(true) as HTMLElement;
  const originals = [root, ...Array.from(root.querySelectorAll('*'))];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  originals.forEach((element, index) => {
    if (element.tagName.startsWith('WX-')) describeNative(element, copies[index]);
  });
  return copy.outerHTML;
}

/** app.wxss as the page's own classes see it (the simulator prefixes a page's classes with main--). */
export function appCss(): string {
  simulator();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as { compile(source: string, options: { prefix: string }): string };
  const source = readFileSync(path.join(miniprogramRoot, 'app.wxss'), 'utf8');
  return rpxToPx(wxss.compile(source, { prefix: 'main' })).replace(/(^|[},\s])page(?=[\s{,.:])/g, '$1.preview-page');
}

export { allPages, appJson };

/** What the browser needs to draw one state (class names prefixed, rpx as px). */
export type Snapshot = PreviewSnapshot;

type PrivacySetting = (options: { success(result: { needAuthorization: boolean; privacyContractName: string }): void }) => void;
let phonePrivacySetting: PrivacySetting | undefined | null = null;

/** The phone's privacy setting for this state: agreed (as the phone had it), or still to be agreed to. */
function askPrivacy(needed: boolean): void {
  const wxApi = (globalThis as unknown as { wx: { getPrivacySetting?: PrivacySetting } }).wx;
  if (phonePrivacySetting === null) phonePrivacySetting = wxApi.getPrivacySetting;
  if (needed) wxApi.getPrivacySetting = ({ success }) => success({ needAuthorization: true, privacyContractName: '《职工之家隐私保护指引》' });
  else wxApi.getPrivacySetting = phonePrivacySetting;
}

/** Renders one state of one page and returns what the browser needs to draw it. */
export async function renderState(pagePath: string, state: PreviewState, context: PreviewContext, options: { keepStorage?: boolean } = {}): Promise<Snapshot> {
  simulator(); // installs the simulator's wx (navigation stubs) under the setup file's (storage, cloud)
  const wxApi = (globalThis as unknown as { wx: { clearStorageSync(): void; setStorageSync(key: string, value: unknown): void } }).wx;
  // Each state starts on a fresh phone unless told to go on from the last one (a switch on 我的 seen elsewhere).
  if (!options.keepStorage) wxApi.clearStorageSync();
  for (const [key, value] of Object.entries(state.storage ?? {})) wxApi.setStorageSync(key, value);
  askPrivacy(state.privacyNeeded === true);
  // A page that titles itself (a contest paper, a search) is drawn with the title it set.
  let title = pageConfig(pagePath).title;
  Object.assign(wxApi, { setNavigationBarTitle: (o: { title: string }) => void (title = o.title) });
  connectAs(context.openid, { offline: false });
  const query = (await state.setup?.(context)) ?? state.query ?? {};
  connectAs(context.openid, { offline: state.offline === true });
  const id = loadPage(pagePath);
  const page = simulator().render(id, query);
  if (!page) throw new Error(`${pagePath} did not render`);
  watchSetData(page.instance as unknown as Parameters<typeof watchSetData>[0]);
  page.attach(document.createElement('parent-wrapper'));
  const instance = page.instance as unknown as { onLoad?(q: Record<string, string>): unknown; onShow?(): unknown };
  instance.onLoad?.(query);
  instance.onShow?.();
  await settle();
  if (state.act) {
    await state.act(page, context);
    await settle();
  }
  if (loadImages(page.dom as Element) > 0) await settle();
  await transitionsDone(page.dom as Element);
  const style = document.getElementById(id);
  const snapshot = { page: pagePath, state: state.name, ...pageConfig(pagePath), title, css: style?.textContent ?? '', html: serialise(page) };
  page.detach();
  return snapshot;
}
