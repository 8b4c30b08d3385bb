import { orgChoices } from '../../miniprogram/services/orgChoices';

describe('organisation picker list', () => {
  test('each organisation follows its parent, indented by depth, in the order given', () => {
    const { names, orgs } = orgChoices([
      { id: 'qh', name: '青海省总工会', parentId: null, kind: 'province' },
      { id: 'xn', name: '西宁市总工会', parentId: 'qh', kind: 'city' },
      { id: 'hd', name: '海东市总工会', parentId: 'qh', kind: 'city' },
      { id: 'xn-1', name: '某厂工会', parentId: 'xn', kind: 'grassroots' },
    ]);
    expect(orgs.map((o) => o.id)).toEqual(['qh', 'xn', 'xn-1', 'hd']);
    expect(names).toEqual(['青海省总工会', '\u3000西宁市总工会', '\u3000\u3000某厂工会', '\u3000海东市总工会']);
  });

  test('an organisation whose parent is missing is still listed', () => {
    const { orgs } = orgChoices([{ id: 'lost', name: '基层工会', parentId: 'gone', kind: 'grassroots' }]);
    expect(orgs.map((o) => o.id)).toEqual(['lost']);
  });
});
