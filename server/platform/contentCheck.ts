import { ActionError } from '../runtime/actionError';
import type { ActionContext } from '../runtime/context';

/**
 * Every piece of free text a worker writes passes msgSecCheck v2 before anything is stored;
 * "review" is treated like "risky" because nobody reviews it before others may see it.
 */
export async function assertSafeText(ctx: ActionContext, texts: Array<string | undefined>, scene: 1 | 2 | 3 | 4): Promise<void> {
  const content = texts.filter((t): t is string => Boolean(t && t.trim())).join('\n');
  if (!content) return;
  const verdict = await ctx.openApi.msgSecCheck({ openid: ctx.openid, content, scene });
  if (verdict.suggest !== 'pass') throw new ActionError('CONTENT_REJECTED', '内容未通过安全检查,请修改后再提交');
}
