import { requestCategories, requestCategoryKeys, type formOptions as contract } from '../../contracts/requests';
import { uploadFolderOf } from '../../domain/requests/ownUpload';
import { shanghaiTime } from '../../domain/requests/requestViews';
import { deadlinesFrom, serviceLevels } from '../../domain/requests/serviceLevels';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import type { Handler } from '../../runtime/router';

export const formOptions: Handler<typeof contract> = async (_input, ctx) => {
  // The same working-day rule submit applies, so the promise shown is the one kept.
  const due = deadlinesFrom(ctx.now);
  return {
    categories: requestCategoryKeys.map((key) => ({ key, label: requestCategories[key] })),
    subscribeTemplateIds: [subscribeTemplates.requestStatusChanged],
    uploadFolder: uploadFolderOf(ctx.openid),
    serviceLevels: { ...serviceLevels, acceptDueText: shanghaiTime(due.acceptDueAt), resolveDueText: shanghaiTime(due.resolveDueAt) },
  };
};
