import type { HistoryKey } from '../../server/contracts/content';
import { isTooLate, timeUsedSeconds } from '../../server/domain/quiz/attemptRules';
import { contestSortScore } from '../../server/domain/quiz/contestRules';
import { bankLetters, isCorrect, pickQuestionIds, toPaperQuestion, toPublic, toReview, type BankQuestion } from '../../server/domain/quiz/paperQuestions';
import { scorePaper } from '../../server/domain/quiz/scorePaper';

/** A repeatable sequence in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const bank: BankQuestion = { _id: 'party-001', history: 'party', type: 'multiple', difficulty: 1, stem: '题干', options: ['甲', '乙', '丙', '丁'], answer: ['A', 'C'], explanation: '这是一条足够长的解析文字。', source: '来源' };

describe('scoring a paper', () => {
  test('a multiple-choice answer is right only with exactly the right options, in any order', () => {
    expect(isCorrect(['A', 'C'], ['C', 'A'])).toBe(true);
    expect(isCorrect(['A', 'C'], ['A'])).toBe(false);
    expect(isCorrect(['A', 'C'], ['A', 'C', 'D'])).toBe(false);
  });

  test('options are shuffled per attempt under random ids that translate back to the bank’s letters only on the server', () => {
    const q = toPaperQuestion(bank, seeded(7));
    const keys = q.options.map((o) => o.key);
    expect(keys.every((k) => /^[a-z0-9]{8}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(4);
    // The right options are kept as this attempt's ids and map back to the bank's A and C.
    expect(bankLetters(q, q.answer).sort()).toEqual(['A', 'C']);
    expect(q.options.find((o) => o.letter === 'C')?.text).toBe('丙');
    // Another attempt of the same question: other ids, so nothing learnt in one carries to the next.
    const again = toPaperQuestion(bank, seeded(8));
    expect(again.options.map((o) => o.key).some((k) => keys.includes(k))).toBe(false);
    const shown = toPublic(q);
    expect(Object.keys(shown).sort()).toEqual(['history', 'id', 'options', 'stem', 'type']);
    expect(shown.options.every((o) => Object.keys(o).sort().join() === 'key,text')).toBe(true);
    // The review speaks in the attempt's ids, which the worker can match to the options shown.
    expect(toReview(q, q.answer)).toMatchObject({ correct: true, answer: q.answer });
  });

  test('a paper avoids the questions a worker saw recently while the bank allows it', () => {
    const ids = new Map<HistoryKey, string[]>([['party', ['party-001', 'party-002', 'party-003']]]);
    const picked = pickQuestionIds(ids, new Set(['party-001']), 2, seeded(3));
    expect(picked.sort()).toEqual(['party-002', 'party-003']);
    expect(pickQuestionIds(ids, new Set(['party-001', 'party-002', 'party-003']), 2, seeded(3))).toHaveLength(2);
  });

  test('the score is out of 100 with one point per right answer; unanswered questions are wrong', () => {
    const paper = [toPaperQuestion(bank, seeded(1)), toPaperQuestion({ ...bank, _id: 'party-002' }, seeded(2))];
    const checked = scorePaper(paper, [{ questionId: 'party-001', choice: paper[0]?.answer ?? [] }, { questionId: 'party-002', choice: ['A', 'C'] }]);
    expect(checked).toMatchObject({ ok: true, scored: { score: 50, correctCount: 1, points: 1 } });
    expect(scorePaper(paper, [{ questionId: 'labor-001', choice: ['A'] }])).toEqual({ ok: false, unknown: ['labor-001'] });
  });

  test('the time limit allows a 30-second grace and time used never exceeds the limit', () => {
    const deadline = new Date('2026-11-25T00:05:00Z');
    expect(isTooLate(new Date('2026-11-25T00:05:30Z'), deadline)).toBe(false);
    expect(isTooLate(new Date('2026-11-25T00:05:30.001Z'), deadline)).toBe(true);
    expect(timeUsedSeconds(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-25T00:05:20Z'), 300)).toBe(300);
  });
});

describe('contest ranking order', () => {
  test('a higher score ranks first, and between equal scores less time used ranks first', () => {
    expect(contestSortScore(90, 1800)).toBeGreaterThan(contestSortScore(80, 1));
    expect(contestSortScore(90, 100)).toBeGreaterThan(contestSortScore(90, 101));
  });
});
