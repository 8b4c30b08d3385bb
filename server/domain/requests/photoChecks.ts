import type { PhotoCheckStatus, RequestDoc } from '../../db/requests/requestStore';

/** The photos shown: those whose image check passed, and (to their author only) those still being checked. */
export function photosOf(doc: RequestDoc): { passed: string[]; checking: string[] } {
  // Requests filed before photos were checked carry no photoChecks: their photos count as passed.
  if (!doc.photoChecks) return { passed: doc.photos, checking: [] };
  const statusOf = new Map<string, PhotoCheckStatus>(Object.values(doc.photoChecks).map((c) => [c.fileId, c.status]));
  return {
    passed: doc.photos.filter((p) => statusOf.get(p) === 'pass'),
    checking: doc.photos.filter((p) => (statusOf.get(p) ?? 'checking') === 'checking'),
  };
}

/** WeChat's verdict as stored: 'review' is treated as 'risky', since nobody reviews it before cadres see it. */
export function photoStatusOf(suggest: 'pass' | 'review' | 'risky'): 'pass' | 'risky' {
  return suggest === 'pass' ? 'pass' : 'risky';
}
