/** The part of miniprogram-automator (which ships no types) that the e2e specs use. */
declare module 'miniprogram-automator' {
  interface Element {
    text(): Promise<string>;
    tap(): Promise<void>;
  }
  interface AutomatorPage {
    path: string;
    waitFor(selectorOrMs: string | number): Promise<void>;
    $(selector: string): Promise<Element>;
  }
  export interface MiniProgram {
    switchTab(url: string): Promise<AutomatorPage>;
    navigateTo(url: string): Promise<AutomatorPage>;
    close(): Promise<void>;
  }
  export function launch(options: { cliPath?: string; projectPath: string; port?: number }): Promise<MiniProgram>;
}
