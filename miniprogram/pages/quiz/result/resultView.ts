import type { AttemptResult, ReviewItem } from '../../../../server/contracts/quiz';

export interface ReviewRow {
  id: string;
  stem: string;
  correct: boolean;
  chosenText: string;
  answerText: string;
  explanation: string;
}

function lettersText(item: ReviewItem, keys: readonly string[]): string {
  if (keys.length === 0) return '未作答';
  return item.options.filter((o) => keys.includes(o.key)).map((o) => o.text).join('、');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Why there is no review yet: a contest's answers open when the contest is over. */
function reviewNote(opensAt: string | null): string {
  if (!opensAt) return '';
  const at = new Date(opensAt);
  return `竞赛结束后公布答案与解析(${at.getMonth() + 1}月${at.getDate()}日 ${pad(at.getHours())}:${pad(at.getMinutes())} 起可查看)`;
}

function rankChange(before: number | null, after: number | null): string {
  if (after === null) return '';
  if (before === null) return '首次上榜';
  return before > after ? `上升 ${before - after} 名` : '名次不变';
}

/** What the result page shows: only the fields it renders, so setData stays small. */
export function resultView(result: AttemptResult) {
  const before = result.rankBefore?.rank ?? null;
  return {
    score: result.score,
    contestId: result.contestId ?? '',
    contestTitle: result.contestTitle ?? '',
    correctCount: result.correctCount,
    total: result.total,
    timeUsed: result.timeUsedSeconds,
    points: result.pointsAwarded,
    // A contest paper's points count on today's province board too; its place in the contest is on the contest's ranking.
    rankText: result.rank ? `今日${result.contestId ? '积分' : ''}全省第 ${result.rank.rank} 名` : '今日暂未上榜,答对题目即可得分',
    rankChange: rankChange(before, result.rank?.rank ?? null),
    reviewNote: reviewNote(result.reviewOpensAt),
    rows: result.review.map(
      (r): ReviewRow => ({ id: r.id, stem: r.stem, correct: r.correct, chosenText: lettersText(r, r.chosen), answerText: lettersText(r, r.answer), explanation: r.explanation }),
    ),
  };
}
