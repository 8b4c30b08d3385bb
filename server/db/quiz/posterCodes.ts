import { wxCloud } from '../../platform/cloud';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** One stored mini program code per scene and version (poster_codes): made once, drawn on every poster. */
export interface PosterCodeDoc {
  _id: string;
  scene: string;
  page: string;
  envVersion: string;
  fileId: string;
  /** Whose code it is (kept on the server only; absent on codes made before invitations were shown). */
  openid?: string;
  createdAt: Date;
}

export async function findPosterCode(db: Database, id: string): Promise<PosterCodeDoc | null> {
  const { data } = await db.collection(quizCollections.posterCodes).where({ _id: id }).limit(1).get();
  return (data[0] as PosterCodeDoc | undefined) ?? null;
}

/** Notes the owner on a code stored before owners were kept. */
export async function notePosterCodeOwner(db: Database, id: string, openid: string): Promise<void> {
  await db.collection(quizCollections.posterCodes).doc(id).update({ data: { openid } });
}

/** The worker whose poster code carries this scene, in whichever version the code was made for; null when none. */
export async function posterCodeOwner(db: Database, scene: string): Promise<string | null> {
  const _ = db.command;
  const ids = ['release', 'trial', 'develop'].map((version) => `${version}:${scene}`);
  const { data } = await db.collection(quizCollections.posterCodes).where({ _id: _.in(ids) }).limit(ids.length).get();
  return (data as PosterCodeDoc[]).find((doc) => doc.scene === scene && doc.openid)?.openid ?? null;
}

/** Records a stored code; when another call stored the same scene first, its record wins (and is returned). */
export async function savePosterCode(db: Database, doc: PosterCodeDoc): Promise<PosterCodeDoc> {
  try {
    await db.collection(quizCollections.posterCodes).add({ data: doc });
    return doc;
  } catch (error) {
    const raced = await findPosterCode(db, doc._id);
    if (raced) return raced;
    throw error;
  }
}

/** Writes the image to cloud storage (the same path for the same scene, so a repeat overwrites, never piles up). */
export async function storeCodeImage(cloudPath: string, image: Buffer): Promise<string> {
  const { fileID } = await wxCloud().uploadFile({ cloudPath, fileContent: image });
  return fileID;
}

export async function codeImageUrl(fileId: string): Promise<string> {
  // The SDK's typings add a callback overload (void); the promise form always resolves with the result.
  const links = (await wxCloud().getTempFileURL({ fileList: [fileId] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = links.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary URL for ${fileId}`);
  return url;
}
