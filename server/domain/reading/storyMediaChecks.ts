import type { StoryMediaCheck } from '../../contracts/reading/types';

export type { StoryMediaCheck };

/** The check of one file as stored (media_checks), by fileID. */
export type StoredCheckStatus = 'checking' | 'pass' | 'risky';

export function storyMediaCheck(fileId: string | null | undefined, checks: ReadonlyMap<string, StoredCheckStatus>): StoryMediaCheck | null {
  if (!fileId) return null;
  const status = checks.get(fileId);
  return status === undefined ? 'unchecked' : status === 'risky' ? 'refused' : status;
}

const mediaNames = { cover: '封面', audio: '朗读音频' } as const;

/** Why a file cannot be served or published yet (null: it may), in the editor's words. */
export function mediaProblem(kind: keyof typeof mediaNames, check: StoryMediaCheck | null): string | null {
  const name = mediaNames[kind];
  switch (check) {
    case 'checking':
      return `${name}正在进行内容安全审核,审核通过后才能发布`;
    case 'refused':
      return `${name}未通过内容安全审核,文件已删除,请更换或移除后再发布`;
    case 'unchecked':
      return `${name}未经内容安全审核,请重新上传后再发布`;
    default:
      return null;
  }
}

/** The first reason a story with this cover and audio may not be published, or null. */
export function publishBlock(cover: StoryMediaCheck | null, audio: StoryMediaCheck | null): string | null {
  return mediaProblem('cover', cover) ?? mediaProblem('audio', audio);
}
