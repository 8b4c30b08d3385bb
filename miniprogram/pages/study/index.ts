import type { DailyStatus, PosterInviter } from '../../../server/contracts/quiz';
import { elderMode } from '../../behaviors/elderMode';
import { api } from '../../services/api';
import { historyNames } from '../../services/historyNames';
import { openOnboardingIfNew } from '../../services/onboarding';
import { showToast } from '../../services/pageToast';
import { inviteView, posterSceneOf, type InviteView } from './posterInvite';
import { contestViews, todayView, type ContestView, type TodayView } from './studyHomeView';

/**
 * 学习 home: today's paper (done or not, the score), the streak and points, every way to study as
 * a card, the contests open now and the five histories to practise.
 */
Component({
  behaviors: [elderMode],
  properties: {
    // Set when the page is opened from a poster's mini program code (URL-encoded by WeChat).
    scene: { type: String, value: '' },
  },
  data: {
    inviter: null as PosterInviter['inviter'],
    invite: null as InviteView | null,
    histories: historyNames,
    loading: true,
    status: null as DailyStatus | null,
    today: null as TodayView | null,
    contests: [] as ContestView[],
    /** Where the next page of contests starts (the server's cursor), null when all are shown. */
    contestsCursor: null as string | null,
    loadingContests: false,
    error: '',
    skeletonRows: [{ width: '100%', height: '280rpx' }, { width: '100%', height: '320rpx' }, { width: '100%', height: '160rpx' }],
  },
  lifetimes: {
    attached() {
      void this.load();
      void this.loadInviter();
      // A new worker is sent to the first-run page once (nothing is asked again after 完成 or 跳过).
      void openOnboardingIfNew();
    },
  },
  pageLifetimes: {
    // Back from a paper: today's state and the points have changed.
    show() {
      if (this.data.status) void this.load();
    },
  },
  methods: {
    async load(): Promise<boolean> {
      const [reply, contests] = await Promise.all([api.quiz.getDailyStatus({}), api.quiz.listContests({})]);
      if (!reply.ok) {
        this.setData({ loading: false, error: reply.message });
        showToast(this, reply.message, 'error');
        return false;
      }
      this.setData({
        loading: false,
        error: '',
        status: reply.data,
        today: todayView(reply.data),
        ...(contests.ok ? { contests: contestViews(contests.data.contests), contestsCursor: contests.data.nextCursor } : {}),
        invite: this.data.inviter ? inviteView(this.data.inviter, reply.data) : null,
      });
      if (!contests.ok) showToast(this, contests.message, 'error');
      return contests.ok;
    },
    /** The next page of contests, soonest ending first, appended after those shown (加载更多 below the list). */
    async onMoreContests() {
      const cursor = this.data.contestsCursor;
      if (!cursor || this.data.loadingContests) return;
      this.setData({ loadingContests: true });
      const reply = await api.quiz.listContests({ cursor });
      if (!reply.ok) {
        this.setData({ loadingContests: false });
        return showToast(this, reply.message, 'error');
      }
      // A refresh meanwhile started the list again: this page belongs to the old one.
      if (this.data.contestsCursor !== cursor) return this.setData({ loadingContests: false });
      const start = this.data.contests.length;
      const patch: Record<string, unknown> = { loadingContests: false, contestsCursor: reply.data.nextCursor };
      contestViews(reply.data.contests).forEach((c, i) => (patch[`contests[${start + i}]`] = c));
      this.setData(patch);
    },
    /** Who shared the poster this page was opened from: greeted by nickname; a bad or unknown scene is ignored. */
    async loadInviter() {
      const scene = posterSceneOf(this.data.scene as string);
      if (!scene) return;
      const reply = await api.quiz.posterInviter({ scene });
      if (!reply.ok || !reply.data.inviter) return;
      this.setData({ inviter: reply.data.inviter, invite: inviteView(reply.data.inviter, this.data.status) });
    },
    onInviteClose() {
      this.setData({ inviter: null, invite: null });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async onPullDownRefresh() {
      const ok = await this.load();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
    onDaily() {
      if (this.data.today) wx.navigateTo({ url: this.data.today.url });
    },
    onPractice() {
      wx.pageScrollTo?.({ selector: '#practice', duration: 300 });
    },
    /** One contest open to the worker (and no further page): straight in; otherwise the list of them below. */
    onContests() {
      const open = this.data.contests.filter((c) => !c.attempted);
      if (open.length === 1 && !this.data.contestsCursor) return wx.navigateTo({ url: `/pages/quiz/answer/index?contestId=${open[0]!.id}` });
      if (this.data.contests.length === 0) return showToast(this, '暂时没有进行中的竞赛');
      wx.pageScrollTo?.({ selector: '#contests', duration: 300 });
    },
    onMyContests() {
      wx.navigateTo({ url: '/pages/quiz/contests/index' });
    },
    onContest(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const contest = this.data.contests.find((c) => c.id === event.currentTarget.dataset.id);
      if (!contest) return;
      // One attempt each: once taken, the card opens the contest's ranking.
      wx.navigateTo({ url: contest.attempted ? `/pages/quiz/leaderboard/index?contestId=${contest.id}` : `/pages/quiz/answer/index?contestId=${contest.id}` });
    },
  },
});
