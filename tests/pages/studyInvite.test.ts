import { posterSceneOf } from '../../server/domain/quiz/posterScene';
import { actAs } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(90000);

type Call = (options: { name: string; data: { action: string; input: unknown } }) => Promise<{ result: unknown }>;
type Wx = Record<string, unknown> & { cloud: { callFunction: Call } };
// The simulator replaces global.wx with its own copy at each load: always reach the current one.
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** The phone of a worker who has been through the first-run page; every action the page calls is noted. */
function phone(openid: string): { actions: string[] } {
  actAs(openid);
  const actions: string[] = [];
  const cloud = wxApi().cloud;
  const through = cloud.callFunction.bind(cloud);
  cloud.callFunction = (options) => {
    actions.push(options.data.action);
    return through(options);
  };
  Object.assign(wxApi(), { getStorageSync: (key: string) => (key === 'onboarding' ? 'skipped' : ''), navigateTo: () => undefined, stopPullDownRefresh: () => undefined });
  return { actions };
}

/** The 学习 home as the mini program code opens it: `scene` arrives URL-encoded in the query. */
const openFromCode = (scene: string) => renderPage('pages/study/index', { scene }, { compiler: 'official' });

describe('学习 home opened from a colleague’s poster', () => {
  test('the worker is greeted with the sharer’s nickname and invited to today’s paper; the greeting can be closed', async () => {
    // The sharer made a poster: their code carries the scene of their identity.
    actAs('page-invite-a');
    await call('account', 'updateProfile', { nickname: '柴达木巡线工' });
    await call('quiz', 'posterCode', {});
    const scene = posterSceneOf('page-invite-a');

    phone('page-invite-b');
    const page = openFromCode(encodeURIComponent(scene));
    await waitFor(() => textOf(page, '.invite-name') === '柴达木巡线工', 'the greeting', 30000);
    expect(textOf(page, '.invite-note')).toBe('邀请你一起做今天的“读四史”每日答题');
    expect(textOf(page, '.invite-initial')).toBe('柴');
    // Nothing of the sharer but what a board shows: no openid reaches the page.
    expect(JSON.stringify(page.data)).not.toContain('page-invite-a');

    tap(page, '.invite-close');
    await waitFor(() => page.querySelector('.invite-card') === undefined, 'the greeting to close');
    expect(textOf(page, '.daily-state')).toBe('今日还未答题');
  });

  test('a scene that is no poster’s, a malformed one and the worker’s own are ignored: the home shows as usual', async () => {
    actAs('page-invite-c');
    await call('quiz', 'posterCode', {});
    const own = encodeURIComponent(posterSceneOf('page-invite-c'));
    for (const [scene, asked] of [['%E0%A4%A', false], ['admin%3D1', false], [encodeURIComponent('p=AAAAAAAAAAAA'), true], [own, true]] as const) {
      const { actions } = phone('page-invite-c');
      const page = openFromCode(scene);
      await waitFor(() => page.data.loading === false && actions.includes('listContests'), `the home opened with ${scene}`, 30000);
      if (asked) await waitFor(() => actions.includes('posterInviter'), `the scene ${scene} asked about`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect({ scene, asked: actions.includes('posterInviter') }).toEqual({ scene, asked });
      expect(page.querySelector('.invite-card')).toBeFalsy();
      expect(textOf(page, '.daily-state')).toBe('今日还未答题');
    }
  });
});
