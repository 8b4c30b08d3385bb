import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { myContestViews, type MyContestView } from './contestView';

type ItemTap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

/**
 * 我的竞赛: every contest the worker took part in, latest first, 20 at a time. A handed-in paper
 * opens its result (its answers once the contest is over), one still open goes back to the paper;
 * each has its ranking.
 */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as MyContestView[],
    skeletonRows: [{ width: '100%', height: '180rpx' }, { width: '100%', height: '180rpx' }, { width: '100%', height: '180rpx' }],
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<MyContestView>> {
      const reply = await api.quiz.listMyContests(cursor ? { cursor } : {});
      return reply.ok ? { ok: true, page: { items: myContestViews(reply.data.items), next: reply.data.nextCursor } } : reply;
    },
    itemOf(event: ItemTap): MyContestView | undefined {
      return (this.data.items as MyContestView[]).find((c) => c.attemptId === event.currentTarget.dataset.id);
    },
    onOpen(event: ItemTap) {
      const contest = this.itemOf(event);
      if (!contest) return;
      if (contest.state === 'missed') return showToast(this, '这次没有交卷,可以看看排名');
      wx.navigateTo({ url: contest.state === 'open' ? `/pages/quiz/answer/index?contestId=${contest.contestId}` : `/pages/quiz/result/index?attemptId=${contest.attemptId}` });
    },
    onRanking(event: ItemTap) {
      const contest = this.itemOf(event);
      if (contest) wx.navigateTo({ url: `/pages/quiz/leaderboard/index?contestId=${contest.contestId}` });
    },
    /** Nothing yet: the contests open now are on the 学习 home. */
    onStudy() {
      wx.switchTab({ url: '/pages/study/index' });
    },
  },
});
