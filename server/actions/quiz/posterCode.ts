import { posterCode as contract } from '../../contracts/quiz';
import { codeImageUrl, findPosterCode, notePosterCodeOwner, savePosterCode, storeCodeImage } from '../../db/quiz/posterCodes';
import { POSTER_PAGE, posterSceneOf } from '../../domain/quiz/posterScene';
import { OpenApiRefusal } from '../../platform/openApi';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** Which version a code opens: release in production; trial or develop when the environment says so. */
function envVersion(): 'release' | 'trial' | 'develop' {
  const env = process.env.MINIPROGRAM_CODE_ENV_VERSION;
  return env === 'trial' || env === 'develop' ? env : 'release';
}

/**
 * The caller's poster code: made by wxacode.getUnlimited the first time a scene is asked for, kept in
 * cloud storage, and served from there afterwards (the platform limits how fast codes are made).
 */
export const posterCode: Handler<typeof contract> = async (_input, ctx) => {
  const scene = posterSceneOf(ctx.openid);
  const version = envVersion();
  const id = `${version}:${scene}`;
  let stored = await findPosterCode(ctx.db, id);
  if (!stored) {
    let image: Buffer;
    try {
      image = (await ctx.openApi.getUnlimitedCode({ scene, page: POSTER_PAGE, envVersion: version, width: 430 })).buffer;
    } catch (error) {
      if (!(error instanceof OpenApiRefusal)) throw error;
      console.error('poster code refused', error.errcode, error.message);
      throw failWith(contract, 'CODE_UNAVAILABLE', '小程序码暂时无法生成,请稍后再试');
    }
    const fileId = await storeCodeImage(`poster-codes/${version}/${scene.slice(2)}.png`, image);
    stored = await savePosterCode(ctx.db, { _id: id, scene, page: POSTER_PAGE, envVersion: version, fileId, openid: ctx.openid, createdAt: ctx.now });
  } else if (!stored.openid) {
    // A code made before owners were kept: its scene can name its sharer from now on.
    await notePosterCodeOwner(ctx.db, id, ctx.openid);
  }
  return { fileId: stored.fileId, url: await codeImageUrl(stored.fileId) };
};
