import { requestCategories, requestCategoryKeys, type formOptions as contract } from '../../contracts/requests';
import { uploadFolderOf } from '../../domain/requests/ownUpload';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import type { Handler } from '../../runtime/router';

export const formOptions: Handler<typeof contract> = async (_input, ctx) => ({
  categories: requestCategoryKeys.map((key) => ({ key, label: requestCategories[key] })),
  subscribeTemplateIds: [subscribeTemplates.requestStatusChanged],
  uploadFolder: uploadFolderOf(ctx.openid),
});
