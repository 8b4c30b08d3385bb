import { actAs } from './harness/pageCloud';
import { pick, renderPage, tap, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(30000);

describe('我的 page', () => {
  test('a new worker sees the default nickname, picks a union and a nickname, saves: the nickname is kept and the union is asked for, awaiting a cadre', async () => {
    actAs('worker-me-1');
    const page = renderPage('pages/me/index');
    await waitFor(() => textOf(page, '.profile-nickname') === '职工', 'the profile to load');
    expect(textOf(page, '.profile-org')).toBe('尚未加入工会组织');

    // The org picker lists the seeded tree: the provincial federation first, then its unions.
    const names = page.data.orgNames as string[];
    expect(names[0]).toBe('青海省总工会');
    const xining = names.findIndex((n) => n.trim() === '西宁市总工会');
    expect(xining).toBeGreaterThan(0);

    typeInto(page, '.nickname-input', '高原焊工');
    pick(page, '.org-picker', xining);
    tap(page, '.save-button');

    await waitFor(() => textOf(page, '.saved-text') === '已保存', 'the save to finish');
    expect(textOf(page, '.profile-nickname')).toBe('高原焊工');
    expect(textOf(page, '.profile-org')).toBe('尚未加入工会组织');
    expect(textOf(page, '.join-state')).toBe('已申请加入西宁市总工会,等待工会干部审核');

    // A second visit reads the same profile back from the database.
    const again = renderPage('pages/me/index');
    await waitFor(() => textOf(again, '.profile-nickname') === '高原焊工', 'the saved profile on a new visit');
    expect(textOf(again, '.join-state')).toBe('已申请加入西宁市总工会,等待工会干部审核');
  });

  test('a nickname that fails the content check is refused with a message and not stored', async () => {
    actAs('worker-me-2');
    const page = renderPage('pages/me/index');
    await waitFor(() => textOf(page, '.profile-nickname') === '职工', 'the profile to load');
    typeInto(page, '.nickname-input', '网络赌博');
    tap(page, '.save-button');
    await waitFor(() => textOf(page, '.error-text') !== '', 'the refusal');
    expect(textOf(page, '.error-text')).toContain('安全检查');
    expect(textOf(page, '.profile-nickname')).toBe('职工');
  });
});
