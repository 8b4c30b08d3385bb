import type { RequestDoc } from '../../db/requests/requestStore';

const ms = (d: Date | string) => new Date(d).getTime();

type Standing = Pick<RequestDoc, 'status' | 'category' | 'overdue' | 'createdAt' | 'acceptedAt' | 'resolvedAt' | 'rating'>;

/**
 * What one request contributes, in its present state, to the counters of its organisation and
 * filing week. The counters are the sum of this over the requests, so every change adds the
 * difference between the request after and before it (a transfer moves it whole).
 */
export function standingOf(doc: Standing): Record<string, number> {
  const accepted = doc.acceptedAt ? 1 : 0;
  const resolved = doc.resolvedAt ? 1 : 0;
  const rated = doc.rating !== null && doc.rating !== undefined ? 1 : 0;
  return {
    filed: 1,
    [`st_${doc.status}`]: 1,
    [`cat_${doc.category}`]: 1,
    overdueNow: doc.overdue ? 1 : 0,
    // Milliseconds from filing: exact integers (a sum over a million requests stays far below 2^53).
    acceptedNow: accepted,
    acceptMs: doc.acceptedAt ? ms(doc.acceptedAt) - ms(doc.createdAt) : 0,
    resolvedNow: resolved,
    resolveMs: doc.resolvedAt ? ms(doc.resolvedAt) - ms(doc.createdAt) : 0,
    rated,
    ratingSum: rated ? (doc.rating ?? 0) : 0,
    ratedGood: rated && (doc.rating ?? 0) >= 4 ? 1 : 0,
  };
}
