import { subscribeTemplates as pageTemplates } from '../../miniprogram/config/subscribeTemplates';
import { subscribeTemplates as serverTemplates } from '../../server/domain/requests/subscribeTemplates';

test('the pages ask for the same subscription templates the server pushes and accepts', () => {
  expect(pageTemplates).toEqual(serverTemplates);
});
