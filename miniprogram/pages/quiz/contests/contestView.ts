import type { MyContest } from '../../../../server/contracts/quiz';

export type MyContestView = MyContest & { stateText: string; stateTheme: 'success' | 'warning' | 'default'; date: string; note: string };

/** The day in the worker's (China's) clock: 12月3日. */
function dayOf(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日`;
}

function stateOf(c: MyContest): Pick<MyContestView, 'stateText' | 'stateTheme' | 'note'> {
  if (c.state === 'open') return { stateText: '答题中', stateTheme: 'warning', note: '试卷还没交,点开继续作答' };
  if (c.state === 'missed') return { stateText: '未交卷', stateTheme: 'default', note: '答题时间已过,这次没有成绩' };
  return { stateText: `${c.score ?? 0} 分`, stateTheme: 'success', note: c.reviewOpen ? '答案与解析已公布' : '竞赛结束后公布答案与解析' };
}

/** 我的竞赛's rows: the state in words and a tag, the day taken part, what opening it shows. */
export function myContestViews(items: MyContest[]): MyContestView[] {
  return items.map((c) => ({ ...c, ...stateOf(c), date: `${dayOf(c.startedAt)}参加` }));
}
