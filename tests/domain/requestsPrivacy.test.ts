import { maskPhone } from '../../server/domain/requests/maskPhone';
import { orgScope } from '../../server/domain/requests/orgScope';
import { isOwnUpload } from '../../server/domain/requests/ownUpload';

describe('request privacy rules', () => {
  test('a phone number shows as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  test('photos must come from the worker\'s own upload folder', () => {
    expect(isOwnUpload('cloud://env.bucket/requests/o-1/a.jpg', 'o-1')).toBe(true);
    expect(isOwnUpload('cloud://env.bucket/requests/o-2/a.jpg', 'o-1')).toBe(false);
    expect(isOwnUpload('cloud://env.bucket/requests/o-1/../o-2/a.jpg', 'o-1')).toBe(false);
    expect(isOwnUpload('cloud://env.bucket/requests/o-10/a.jpg', 'o-1')).toBe(false);
    expect(isOwnUpload('cloud://env.bucket/avatars/o-1/a.jpg', 'o-1')).toBe(false);
    expect(isOwnUpload('cloud://env.bucket/requests/o-1/', 'o-1')).toBe(false);
  });

  test('a cadre of a city union answers for it and its grassroots unions, not for its siblings', () => {
    const orgs = [
      { _id: 'qh', parentId: null },
      { _id: 'xn', parentId: 'qh' },
      { _id: 'xn-1', parentId: 'xn' },
      { _id: 'hx', parentId: 'qh' },
    ];
    expect([...orgScope(orgs, ['xn'])].sort()).toEqual(['xn', 'xn-1']);
    expect(orgScope(orgs, ['qh']).size).toBe(4);
    expect(orgScope(orgs, ['nowhere']).size).toBe(0);
  });
});
