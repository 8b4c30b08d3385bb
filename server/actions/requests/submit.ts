import { createHash } from 'node:crypto';
import { submit as contract } from '../../contracts/requests';
import { findOrg } from '../../db/orgs';
import { recordMediaCheck, tempUrlOf } from '../../db/requests/mediaCheckStore';
import { bumpCountersIn } from '../../db/requests/requestCounters';
import { filedBumps } from './requestCounters';
import { findRequest, readInTransaction, requestCollections, type RequestDoc } from '../../db/requests/requestStore';
import { filedRequest } from '../../domain/requests/filedRequest';
import { isOwnUpload } from '../../domain/requests/ownUpload';
import { detailOf } from '../../domain/requests/requestViews';
import { assertSafeText } from '../../platform/contentCheck';
import { ActionError, failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { putMessageIn } from '../../db/notices/messageStore';
import { statusMessage } from '../../domain/notices/requestMessages';
import { loadOrgs } from './orgNames';

/** The id follows from who submits and the client's request id, so a repeat finds the first. */
function requestIdFor(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 32);
}

/**
 * One asynchronous image check per photo (scene 3: content others will see); the verdicts arrive
 * at securityEvents. A check that cannot start leaves its photo hidden ('checking'), never shown.
 */
async function startPhotoChecks(ctx: ActionContext, doc: RequestDoc): Promise<void> {
  // A retry starts only the checks an earlier call did not record.
  const started = new Set(Object.values(doc.photoChecks ?? {}).map((check) => check.fileId));
  for (const fileId of doc.photos.filter((photo) => !started.has(photo))) {
    try {
      const { traceId } = await ctx.openApi.mediaCheckAsync({ openid: ctx.openid, mediaUrl: await tempUrlOf(fileId), scene: 3 });
      await recordMediaCheck(ctx.db, { _id: traceId, requestId: doc._id, fileId, status: 'checking', createdAt: ctx.now, settledAt: null });
    } catch (error) {
      console.error('mediaCheckAsync failed', fileId, error);
    }
  }
}

export const submit: Handler<typeof contract> = async (input, ctx) => {
  const id = requestIdFor(ctx.openid, input.clientRequestId);
  const existing = await findRequest(ctx.db, id);
  if (!existing) {
    if (input.photos.some((photo) => !isOwnUpload(photo, ctx.openid))) throw failWith(contract, 'FOREIGN_FILE', '照片须由本人上传');
    if (!(await findOrg(ctx.db, input.orgId))) throw failWith(contract, 'ORG_NOT_FOUND', '所选工会组织不存在');
    await assertSafeText(ctx, [input.title, input.description, input.contactName, input.place], 2);
  }
  const doc: RequestDoc = existing ?? filedRequest(id, ctx.openid, input, ctx.now);
  // The request, its dashboard counters and the worker's receipt in the 消息 centre commit
  // together; its photo checks are marked pending in the same commit and started after it, so a
  // retry finishes a half-done submit.
  const stored =
    existing ??
    (await ctx.db.runTransaction(async (t) => {
      const found = await readInTransaction(t, id);
      if (found) return found;
      const { _id: _ignored, ...fields } = doc;
      await t.collection(requestCollections.requests).doc(id).set({ data: fields });
      await putMessageIn(t, statusMessage(doc, 'submit', '', 0, ctx.now));
      for (const bump of filedBumps(doc)) await bumpCountersIn(ctx.db, t, bump);
      return doc;
    }));
  if (!stored) throw new ActionError('INTERNAL', '诉求保存失败');
  const created = stored.photoChecksPending === true;
  if (stored.photoChecksPending) {
    await startPhotoChecks(ctx, stored);
    await ctx.db.collection(requestCollections.requests).doc(id).update({ data: { photoChecksPending: false } });
  }
  const { names } = await loadOrgs(ctx.db);
  // Re-read after starting photo checks, so the worker sees the photos as 审核中.
  const shown = created && stored.photos.length > 0 ? ((await findRequest(ctx.db, id)) ?? stored) : stored;
  return detailOf(shown, names, 'worker', ctx.now, { fullPhone: false });
};
