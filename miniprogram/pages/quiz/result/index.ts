import { openAlbumSettings, saveToAlbum } from '../../../services/albumSave';
import { api } from '../../../services/api';
import { tempUrlOf } from '../../../services/cloudFiles';
import { showToast } from '../../../services/pageToast';
import { drawPoster } from './drawPoster';
import { posterOps } from './posterLayout';
import { resultView, type ReviewRow } from './resultView';
import { elderMode } from '../../../behaviors/elderMode';
import { questionSkeleton } from '../questionSkeleton';

/** The score card's shape while the paper is scored: the score, the summary, the rank, the buttons. */
const scoreSkeleton = [
  { width: '40%', height: '80rpx', margin: '0 auto 24rpx' },
  { width: '80%', height: '36rpx', margin: '0 auto 16rpx' },
  { width: '50%', height: '36rpx', margin: '0 auto 32rpx' },
  [{ width: '30%', height: '64rpx' }, { width: '30%', height: '64rpx' }, { width: '30%', height: '64rpx' }],
];

/** 成绩: score, rank and its change, and each question with its answer and explanation. */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query (?attemptId=…); without it, today's daily paper.
    attemptId: { type: String, value: '' },
  },
  data: {
    loading: true,
    error: '',
    noPaper: false,
    scoreSkeleton,
    reviewSkeleton: questionSkeleton,
    score: 0,
    /** A contest paper's contest and its title; '' for the daily paper. */
    contestId: '',
    contestTitle: '',
    correctCount: 0,
    total: 0,
    timeUsed: 0,
    points: 0,
    rankText: '',
    rankChange: '',
    reviewNote: '',
    rows: [] as ReviewRow[],
    reportFor: '',
    reported: {} as Record<string, boolean>,
    posterBusy: false,
    posterPath: '',
    posterVisible: false,
    saving: false,
    albumDialog: false,
  },
  lifetimes: {
    attached() {
      // The group a share lands in is read from its shareTicket; sharing earns nothing.
      if (typeof wx.showShareMenu === 'function') wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] });
      void this.load();
    },
  },
  methods: {
    async load() {
      let attemptId = this.data.attemptId as string;
      if (!attemptId) {
        const status = await api.quiz.getDailyStatus({});
        if (!status.ok) return this.setData({ loading: false, error: status.message });
        attemptId = status.data.attemptId ?? '';
      }
      if (!attemptId) return this.setData({ loading: false, error: '今天还没有答题', noPaper: true });
      const reply = await api.quiz.getAttemptResult({ attemptId });
      if (!reply.ok) return this.setData({ loading: false, error: reply.message });
      const view = resultView(reply.data);
      this.setData({ loading: false, ...view });
      if (view.contestTitle) wx.setNavigationBarTitle?.({ title: '竞赛成绩' });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    onStartDaily() {
      wx.redirectTo({ url: '/pages/quiz/answer/index' });
    },
    onShareAppMessage() {
      const { score, contestTitle } = this.data;
      const title = contestTitle ? `我在“${contestTitle}”中得了 ${score} 分,一起来参赛!` : `我在“读四史”每日答题中得了 ${score} 分,一起来挑战!`;
      return { title, path: '/pages/study/index' };
    },
    /** The poster: the worker's nickname and checked avatar, score, rank and their mini program code. */
    async onPoster() {
      if (this.data.posterBusy) return;
      if (this.data.posterPath) return this.setData({ posterVisible: true });
      this.setData({ posterBusy: true });
      try {
        const [profile, code] = await Promise.all([api.account.getProfile({}), api.quiz.posterCode({})]);
        // A poster without the code is still worth sharing: it says how to find the mini program.
        if (!code.ok) showToast(this, code.message, 'warning');
        const avatar = profile.ok && profile.data.avatarFileId ? await tempUrlOf(profile.data.avatarFileId) : '';
        const nickname = profile.ok ? profile.data.nickname : '';
        const { score, rankText, contestTitle } = this.data;
        const day = new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
        const path = await drawPoster(this, { avatar, code: code.ok ? code.data.url : '' }, (loaded) =>
          posterOps({ score, rankText, nickname, day, contestTitle, hasAvatar: loaded.avatar, hasCode: loaded.code }),
        );
        this.setData({ posterBusy: false, posterPath: path, posterVisible: true });
      } catch (error) {
        console.warn('poster failed', error);
        this.setData({ posterBusy: false });
        showToast(this, '海报生成失败,请稍后再试', 'error');
      }
    },
    onPosterVisible(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      this.setData({ posterVisible: event.detail.visible });
    },
    onPosterClose() {
      this.setData({ posterVisible: false });
    },
    async onSavePoster() {
      if (this.data.saving || !this.data.posterPath) return;
      this.setData({ saving: true });
      const outcome = await saveToAlbum(this.data.posterPath);
      this.setData({ saving: false });
      if (outcome === 'saved') showToast(this, '海报已保存到相册', 'success');
      else if (outcome === 'denied') this.setData({ albumDialog: true });
      else if (outcome === 'no-consent') showToast(this, '同意隐私保护指引后才能保存海报', 'warning');
      else if (outcome === 'failed') showToast(this, '保存失败,请稍后再试', 'error');
    },
    async onAlbumSettings() {
      this.setData({ albumDialog: false });
      if (await openAlbumSettings()) await this.onSavePoster();
    },
    onAlbumDialogClose() {
      this.setData({ albumDialog: false });
    },
    onReport(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ reportFor: event.currentTarget.dataset.id });
    },
    onReportClose() {
      this.setData({ reportFor: '' });
    },
    onReportDone(event: WechatMiniprogram.CustomEvent<{ message: string; questionId: string }>) {
      this.setData({ reportFor: '', [`reported.${event.detail.questionId}`]: true });
      showToast(this, event.detail.message, 'success');
    },
    /** A contest paper's own ranking; the points boards for the daily paper. */
    onLeaderboard() {
      const { contestId } = this.data;
      wx.navigateTo({ url: contestId ? `/pages/quiz/leaderboard/index?contestId=${contestId}` : '/pages/quiz/leaderboard/index' });
    },
  },
});
