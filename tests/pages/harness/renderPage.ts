import path from 'node:path';
import type * as Simulate from 'miniprogram-simulate';
import { miniprogramRoot, officialCompilerOptions } from '../../../scripts/preview/miniprogramProject';

export { miniprogramRoot };

type RenderedPage = ReturnType<typeof Simulate.render>;

/**
 * Loads and renders a page (written with Component()) and attaches it to the document. A page opened
 * with a query (?requestId=…) receives it as properties, as Component pages do.
 */
export function renderPage(pagePath: string, properties?: Record<string, string>, options: { compiler?: 'simulate' | 'official' } = {}): RenderedPage {
  // A fresh module registry per render: the simulator cannot load the same component twice.
  jest.resetModules();
  keepCompilations();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as typeof Simulate;
  matchWeChat();
  const id = simulate.load(path.join(miniprogramRoot, pagePath), {
    rootPath: miniprogramRoot,
    // 'official' (WeChat's own wcc) for pages whose TDesign templates use object shorthand in
    // expressions (t-tabs, t-avatar through the badge template), which the pure-JS compiler rejects.
    compiler: options.compiler ?? 'simulate',
    compilerOptions: officialCompilerOptions,
  });
  const page = simulate.render(id, properties);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** WeChat's wcc output for the folder, and each component's compiled styles, kept for the file. */
const templateScripts = new Map<string, string>();
const componentStyles = new Map<string, string>();

/**
 * The fresh registry makes the simulator compile everything again at every render: WeChat's wcc
 * over the whole folder (a process of a few hundred milliseconds) and every component's styles
 * (postcss). The sources do not change while a file runs, so each is compiled once per file.
 */
function keepCompilations(): void {
  // jest's require (its registry), typed as node's: the mini program's typings declare WeChat's require.
  const jestRequire = require as unknown as NodeJS.Require;
  const simulatePath = jestRequire.resolve('miniprogram-simulate');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance the simulator is about to load
  const compiler = require(jestRequire.resolve('miniprogram-compiler', { paths: [simulatePath] })) as { wxmlToJs(rootPath: string, options?: unknown): string };
  const wxmlToJs = compiler.wxmlToJs.bind(compiler);
  compiler.wxmlToJs = (rootPath, options) => {
    const kept = templateScripts.get(rootPath) ?? wxmlToJs(rootPath, options);
    templateScripts.set(rootPath, kept);
    return kept;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require(path.join(path.dirname(simulatePath), 'src', 'wxss')) as { compile(source: string, options?: { prefix?: string; less?: boolean }): string };
  const compile = wxss.compile.bind(wxss);
  wxss.compile = (source, options = {}) => {
    if (options.less) return compile(source, options);
    const key = `${options.prefix ?? ''}\0${source}`;
    const kept = componentStyles.get(key) ?? compile(source, options);
    componentStyles.set(key, kept);
    return kept;
  };
}

type MethodCaller = { setData?: (data: unknown, callback?: unknown) => void; selectComponent?: (selector: string) => unknown };
interface VirtualAttr {
  name: string;
  value: unknown;
}
interface RenderedNode {
  _vt?: { attrs?: VirtualAttr[] };
  shadowRoot?: { querySelector(selector: string): unknown };
}

/** Set when the file's tests are over: a late setData is dropped (see matchWeChat). */
let fileDone = false;
afterAll(() => {
  fileDone = true;
});

/**
 * Three places where the simulator differs from WeChat in ways TDesign depends on (t-cascader):
 * - WeChat calls a setData callback with the component as `this`; the simulator calls it bare
 *   (t-cascader's `setData(…, this.triggerChange)` emits the chosen value).
 * - `selectComponent` of nothing gives null in WeChat; the simulator throws.
 * - When a page re-renders, WeChat updates a child's property only if the data bound to it
 *   changed; the simulator re-sets every property of a child one of whose properties changed, so
 *   the child's observers run for values that did not change (t-cascader's `value` observer then
 *   clears the choice it is about to emit).
 */
function matchWeChat(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instances j-component uses (fresh after resetModules)
  const exparser = require('miniprogram-exparser') as { Component: new () => unknown; Element: { setMethodCaller(node: RenderedNode, caller: MethodCaller): void } };
  const element = exparser.Element;
  const setMethodCaller = element.setMethodCaller.bind(element);
  element.setMethodCaller = (node, caller) => {
    const { setData, selectComponent } = caller;
    if (typeof setData === 'function')
      caller.setData = (data, callback) => {
        // A page's cloud call can answer after its file's tests are over and jsdom is torn down:
        // rendering then throws outside any test and takes the jest worker down with it.
        if (fileDone || !(globalThis as { document?: unknown }).document) return;
        setData(data, typeof callback === 'function' ? callback.bind(caller) : callback);
      };
    if (typeof selectComponent === 'function') caller.selectComponent = (selector) => (node.shadowRoot?.querySelector(selector) ? selectComponent(selector) : null);
    setMethodCaller(node, caller);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const render = require('j-component/src/render/render') as { updateAttrs(node: RenderedNode, attrs: VirtualAttr[]): void };
  const updateAttrs = render.updateAttrs.bind(render);
  render.updateAttrs = (node, attrs) => {
    const before = node._vt?.attrs;
    if (!before || !(node instanceof exparser.Component)) return updateAttrs(node, attrs);
    const old = new Map(before.map((attr) => [attr.name, attr.value]));
    // A removed attribute is the old entry itself (set to undefined): it always goes through.
    updateAttrs(node, attrs.filter((attr) => before.includes(attr) || !old.has(attr.name) || old.get(attr.name) !== attr.value));
  };
}

/**
 * Waits until the condition holds (the page's cloud calls are asynchronous). The limit is a bound
 * on a hang, not a measure of speed: with two test files running on two cores, a call that starts a
 * function or meets a busy SQLite can take several seconds.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The visible text of the first element matching the selector (inside custom components too). */
export function textOf(page: RenderedPage, selector: string): string {
  const found = page.querySelector(selector);
  return found ? (found.dom as HTMLElement).textContent?.trim() ?? '' : '';
}

type Found = NonNullable<ReturnType<RenderedPage['querySelector']>>;

function find(page: RenderedPage, selector: string): Found {
  const found = page.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

interface ExparserNode {
  $$?: HTMLElement | null;
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
}

/** The first native element with this tag inside a component (its shadow tree included). */
function nativeInside(node: ExparserNode, tag: string): ExparserNode | null {
  if (node.$$?.tagName === `WX-${tag.toUpperCase()}`) return node;
  for (const child of [...(node.shadowRoot ? [node.shadowRoot] : []), ...(node.childNodes ?? [])]) {
    const found = nativeInside(child, tag);
    if (found) return found;
  }
  return null;
}

/**
 * A worker typing into a TDesign input or textarea: the input event fires on its inner native
 * element, the way j-component dispatches events (the exparser event the component listens to).
 */
export function typeInto(page: RenderedPage, selector: string, value: string): void {
  dispatchInside(page, selector, ['input', 'textarea'], 'input', { value, cursor: value.length, keyCode: 0 });
}

/**
 * A worker's tap. TDesign components are virtual hosts (no element of their own): the tap lands on
 * their first native element, as on a phone.
 */
export function tap(page: RenderedPage, selector: string): void {
  dispatchInside(page, selector, ['button', 'view', 'text', 'navigator'], 'tap', {});
}

function dispatchInside(page: RenderedPage, selector: string, tags: string[], eventName: string, detail: unknown): void {
  const host = find(page, selector) as unknown as { _exparserNode: ExparserNode };
  const target = tags.map((tag) => nativeInside(host._exparserNode, tag)).find(Boolean);
  if (!target) throw new Error(`${selector} has no ${tags.join('/')} inside`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance j-component uses
  const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(node: unknown, event: unknown): void; create(name: string, detail: unknown, options: unknown): unknown } };
  exparser.Event.dispatchEvent(target, exparser.Event.create(eventName, detail, { bubbles: true, capturePhase: true, composed: true }));
}

/** A native picker's choice. */
export function pick(page: RenderedPage, selector: string, index: number): void {
  dispatchInside(page, selector, ['picker'], 'change', { value: index });
}

/** Every native element inside a component (its shadow tree included) whose class list has this class. */
function nativesWithClass(node: ExparserNode, className: string, found: ExparserNode[] = []): ExparserNode[] {
  // The simulator prefixes a component's own class names (`t-tabs--t-tabs__item`): match the suffix.
  const classes = node.$$?.className ? String(node.$$.className).split(/\s+/) : [];
  if (classes.some((c) => c === className || c.endsWith(`--${className}`))) found.push(node);
  for (const child of [...(node.shadowRoot ? [node.shadowRoot] : []), ...(node.childNodes ?? [])]) nativesWithClass(child, className, found);
  return found;
}

/** A tap on the index-th inner element of a component, e.g. the second tab of a t-tabs (`t-tabs__item`). */
export function tapItem(page: RenderedPage, selector: string, className: string, index: number): void {
  const host = find(page, selector) as unknown as { _exparserNode: ExparserNode };
  const target = nativesWithClass(host._exparserNode, className)[index];
  if (!target) throw new Error(`${selector} has no .${className} number ${index}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance j-component uses
  const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(node: unknown, event: unknown): void; create(name: string, detail: unknown, options: unknown): unknown } };
  exparser.Event.dispatchEvent(target, exparser.Event.create('tap', {}, { bubbles: true, capturePhase: true, composed: true }));
}

/** Any event on a component's first native element of these tags (e.g. a button's agreeprivacyauthorization). */
export function fire(page: RenderedPage, selector: string, eventName: string, detail: unknown = {}, tags = ['button', 'view']): void {
  dispatchInside(page, selector, tags, eventName, detail);
}

/** A tap on the inner element of a component that has this class and shows exactly this text, e.g. an option of a t-cascader (`t-radio__content`). */
export function tapItemWithText(page: RenderedPage, selector: string, className: string, text: string): void {
  const host = find(page, selector) as unknown as { _exparserNode: ExparserNode };
  const target = nativesWithClass(host._exparserNode, className).find((node) => node.$$?.textContent?.trim() === text);
  if (!target) throw new Error(`${selector} has no .${className} showing ${text}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance j-component uses
  const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(node: unknown, event: unknown): void; create(name: string, detail: unknown, options: unknown): unknown } };
  exparser.Event.dispatchEvent(target, exparser.Event.create('tap', {}, { bubbles: true, capturePhase: true, composed: true }));
}

/** WeChat hiding the page (the app goes to the background) or showing it again: its pageLifetimes run. */
export function pageLifetime(page: RenderedPage, name: 'show' | 'hide'): void {
  (page as unknown as { triggerPageLifeTime(lifetime: string): void }).triggerPageLifeTime(name);
}
