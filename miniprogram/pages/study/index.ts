import type { ContestSummary, DailyStatus } from '../../../server/contracts/quiz';
import { api } from '../../services/api';
import { historyNames } from '../../services/historyNames';

/** 学习 home: today's paper, the worker's points, the leaderboards and the five histories. */
Component({
  data: {
    histories: historyNames,
    status: null as DailyStatus | null,
    contests: [] as ContestSummary[],
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.status) void this.load();
    },
  },
  methods: {
    async load() {
      const [reply, contests] = await Promise.all([api.quiz.getDailyStatus({}), api.quiz.listContests({})]);
      if (reply.ok) this.setData({ status: reply.data, error: '' });
      else this.setData({ error: reply.message });
      if (contests.ok) this.setData({ contests: contests.data.contests });
    },
    onDaily() {
      const submitted = this.data.status?.state === 'submitted';
      wx.navigateTo({ url: submitted ? '/pages/quiz/result/index' : '/pages/quiz/answer/index' });
    },
    onLeaderboard() {
      wx.navigateTo({ url: '/pages/quiz/leaderboard/index' });
    },
    onContest(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `/pages/quiz/answer/index?contestId=${event.currentTarget.dataset.id}` });
    },
    onChallenge() {
      wx.navigateTo({ url: '/pages/quiz/challenge/index' });
    },
    onWrongBook() {
      wx.navigateTo({ url: '/pages/quiz/wrongbook/index' });
    },
  },
});
