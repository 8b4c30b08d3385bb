/**
 * End-to-end through WeChat DevTools (miniprogram-automator). DevTools exists for Windows and macOS
 * only: set WECHAT_DEVTOOLS_CLI to its `cli` to run these (npm run test:e2e); elsewhere they are
 * reported as skipped, never as passed.
 */
import path from 'node:path';
import type { MiniProgram } from 'miniprogram-automator';

const cli = process.env.WECHAT_DEVTOOLS_CLI;
const describeWithDevTools = cli ? describe : describe.skip;

if (!cli) console.log('e2e skipped: WeChat DevTools is not installed here (set WECHAT_DEVTOOLS_CLI to its cli to run the e2e specs)');

describeWithDevTools('the mini program in WeChat DevTools', () => {
  let miniProgram: MiniProgram | undefined;

  beforeAll(async () => {
    // Loaded only here: it is a DevTools client, useless where DevTools is absent.
    const automator = await import('miniprogram-automator');
    miniProgram = await automator.launch({ cliPath: cli, projectPath: path.resolve(__dirname, '../..') });
  });

  afterAll(async () => {
    await miniProgram?.close();
  });

  test('the four tabs open, and 我的 shows the worker profile', async () => {
    if (!miniProgram) throw new Error('DevTools did not start');
    const page = await miniProgram.switchTab('/pages/me/index');
    await page.waitFor('.profile-nickname');
    const nickname = await page.$('.profile-nickname');
    expect((await nickname.text()).length).toBeGreaterThan(0);
    for (const tab of ['/pages/study/index', '/pages/reading/index', '/pages/service/index']) {
      const opened = await miniProgram.switchTab(tab);
      expect(opened.path).toBe(tab.slice(1));
    }
  });
});
