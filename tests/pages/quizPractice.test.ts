import { actAs } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

const wxGlobal = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wxGlobal.navigateTo = () => undefined;

describe('学习: practice, challenge and the wrong-answer book pages', () => {
  test('a worker practises by taps, sees each verdict with its explanation at once, and finds a wrong answer in the 错题本', async () => {
    actAs('page-practice-1');
    const page = renderPage('pages/quiz/practice/index', undefined, { compiler: 'official' });
    let wrong = 0;
    for (let n = 1; n <= 20 && wrong === 0; n += 1) {
      await waitFor(() => page.data.question !== null && !page.data.loading, `practice question ${n}`);
      tap(page, '.option-1');
      tap(page, '.check-button');
      await waitFor(() => textOf(page, '.verdict') !== '', `the verdict on question ${n}`);
      expect(textOf(page, '.explanation')).toMatch(/。$/);
      expect(textOf(page, '.right-answer')).toMatch(/^正确答案:.+/);
      if (textOf(page, '.verdict') === '回答错误') wrong += 1;
      else tap(page, '.next-button');
    }
    expect(wrong).toBe(1);
    expect(textOf(page, '.tally')).toMatch(/^已练 \d+ 题/);

    const book = renderPage('pages/quiz/wrongbook/index', undefined, { compiler: 'official' });
    await waitFor(() => book.querySelectorAll('.wrong-item').length === 1, 'the wrong-answer book');
    expect(textOf(book, '.wrong-meta')).toBe('党史 · 错 1 次 · 已连续答对 0 次');
  });

  test('a worker takes a challenge by taps until the first wrong answer and sees the streak', async () => {
    actAs('page-challenge-1');
    const page = renderPage('pages/quiz/challenge/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.question !== null, 'the first challenge question');
    for (let n = 0; n < 200 && !page.data.finished; n += 1) {
      const streak = page.data.streak as number;
      tap(page, '.option-0');
      tap(page, '.answer-button');
      await waitFor(() => page.data.finished === true || page.data.streak !== streak, 'the challenge to move on');
    }
    expect(textOf(page, '.final-streak')).toBe(`挑战结束:连续答对 ${page.data.streak as number} 题`);
    expect(textOf(page, '.points')).toBe(`积分 +${page.data.streak as number}`);
  });

  test('the question that ended a challenge can be reported (纠错) from the end card, once', async () => {
    actAs('page-challenge-report');
    const page = renderPage('pages/quiz/challenge/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.question !== null, 'the first challenge question');
    for (let n = 0; n < 200 && !page.data.finished; n += 1) {
      const streak = page.data.streak as number;
      tap(page, '.option-0');
      tap(page, '.answer-button');
      await waitFor(() => page.data.finished === true || page.data.streak !== streak, 'the challenge to move on');
    }
    const ended = (page.data.lastQuestion as { id: string }).id;
    expect(textOf(page, '.review-actions')).toBe('纠错');
    tap(page, '.report-button');
    await waitFor(() => page.data.reportFor === ended, 'the 纠错 sheet for the last question');
    tapItem(page, '.report-popup', 't-radio', 0);
    typeInto(page, '.report-popup', '题干表述有歧义');
    tapItem(page, '.report-popup', 't-button', 1);
    await waitFor(() => page.data.reported === true, 'the report to be filed');
    expect(page.data.reportFor).toBe('');
    expect(textOf(page, '.review-actions')).toBe('已纠错');

    const mine = renderPage('pages/quiz/reports/index', undefined, { compiler: 'official' });
    await waitFor(() => !mine.data.loading && mine.querySelectorAll('.report-item').length === 1, 'the report in 我的纠错');
  });
});
