import { mayCloseContest } from '../../server/domain/quiz/contestRules';

// Who may end a contest early: the one rule closeContest enforces and the managed list shows.
describe('mayCloseContest', () => {
  const contest = { createdBy: 'creator', orgIds: ['xining', 'haibei'] };
  const noScope = new Set<string>();

  test('its creator may while a cadre or an admin, not once they hold neither role', () => {
    expect(mayCloseContest(contest, { openid: 'creator', staff: true, adminScope: noScope })).toBe(true);
    expect(mayCloseContest(contest, { openid: 'creator', staff: false, adminScope: noScope })).toBe(false);
  });

  test('an admin may only when their organisations cover every one the contest is for', () => {
    expect(mayCloseContest(contest, { openid: 'admin', staff: true, adminScope: new Set(['xining', 'haibei', 'haidong']) })).toBe(true);
    expect(mayCloseContest(contest, { openid: 'admin', staff: true, adminScope: new Set(['xining']) })).toBe(false);
    expect(mayCloseContest(contest, { openid: 'cadre', staff: true, adminScope: noScope })).toBe(false);
    expect(mayCloseContest({ createdBy: 'creator', orgIds: [] }, { openid: 'admin', staff: true, adminScope: new Set(['xining']) })).toBe(false);
  });
});
