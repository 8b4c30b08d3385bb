import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { joinGroupFromEnterOptions } from '../groupJoin';
import { boardView, chipKey, contestBoardView, contestRowViews, periodTabs, rowViews, scopeChips, type BoardRowView, type ScopeChip } from './boardView';
import { elderMode } from '../../../behaviors/elderMode';

type PeriodKey = (typeof periodTabs)[number]['key'];
type ScopeKey = ScopeChip['scope'];

/** Kept on the page instance, not in page data: a counter is no view state. */
interface BoardState {
  /** Each load's number: a later tap's board wins over an earlier one still on its way. */
  loads: number;
}

/**
 * 排行榜: the scope switcher (全省, my organisation and each parent, each remembered WeChat group) ×
 * period tabs (今日 / 本周 / 总榜); podium for the top 3, avatars, 100 places a page (the next at
 * the bottom or with 加载更多), my own line, named, pinned at the bottom. Opened with ?contestId=…, a
 * contest's ranking instead: by score, then time used, the same way (no scopes, no periods).
 */
Component({
  behaviors: [elderMode],
  properties: {
    // The page query: ?contestId=… for a contest's ranking; without it, the points boards.
    contestId: { type: String, value: '' },
  },
  data: {
    /** The contest's title, once its ranking has loaded. */
    contestTitle: '',
    periodTabs,
    chips: [{ key: chipKey('province', 'qh'), scope: 'province', scopeId: 'qh', name: '全省' }] as ScopeChip[],
    chip: chipKey('province', 'qh'),
    scope: 'province' as ScopeKey,
    scopeId: '',
    period: 'day' as PeriodKey,
    groupId: '',
    loading: true,
    loaded: false,
    error: '',
    podium: [] as BoardRowView[],
    rows: [] as BoardRowView[],
    nextCursor: '',
    loadingMore: false,
    myRank: '',
    myScore: 0,
    myName: '我',
    myInitial: '我',
    myAvatarUrl: '',
    skeletonRows: [{ width: '100%', height: '240rpx' }, { width: '100%', height: '80rpx' }, { width: '100%', height: '80rpx' }, { width: '100%', height: '80rpx' }],
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    boardState(): BoardState {
      const self = this as unknown as { board?: BoardState };
      self.board ??= { loads: 0 };
      return self.board;
    },
    async init() {
      if (this.data.contestId) {
        wx.setNavigationBarTitle?.({ title: '竞赛排名' });
        return this.load();
      }
      const joined = await joinGroupFromEnterOptions();
      // Opened from a group chat: that group's board first.
      if (joined) this.setData({ scope: 'group', scopeId: joined, groupId: joined, chip: chipKey('group', joined) });
      await this.load();
    },
    /** The board shown (or the contest's ranking) from its first page; a later tap's board wins over an earlier one still on its way. */
    async load() {
      const { scope, scopeId, period } = this.data;
      const contestId = this.data.contestId as string;
      const seq = ++this.boardState().loads;
      this.setData({ loading: true, loadingMore: false, error: '' });
      const reply = contestId ? await api.quiz.getContestRanking({ contestId }) : await api.quiz.getLeaderboard(this.boardInput(scope, scopeId, period));
      if (seq !== this.boardState().loads) return;
      if (!reply.ok) {
        this.setData({ loading: false, loaded: true, error: reply.message, podium: [], rows: [], nextCursor: '' });
        return;
      }
      const view = reply.data;
      if (!('scopes' in view)) return this.setData({ loading: false, loaded: true, contestTitle: view.title, ...contestBoardView(view) });
      this.setData({
        loading: false,
        loaded: true,
        chips: scopeChips(view.scopes),
        chip: chipKey(view.scope, view.scopeId),
        scopeId: view.scopeId,
        groupId: view.scope === 'group' ? view.scopeId : '',
        ...boardView(view),
      });
    },
    boardInput(scope: ScopeKey, scopeId: string, period: PeriodKey) {
      return { scope, period, ...(scope === 'org' && scopeId ? { orgId: scopeId } : {}), ...(scope === 'group' && scopeId ? { groupId: scopeId } : {}) };
    },
    /** The next 100 places after the last shown, appended by path (only the new rows travel). */
    async loadMore() {
      const { scope, scopeId, period, nextCursor, loading, loadingMore } = this.data;
      const contestId = this.data.contestId as string;
      if (!nextCursor || loading || loadingMore) return;
      const seq = this.boardState().loads;
      this.setData({ loadingMore: true });
      const shown = this.data.podium.length + this.data.rows.length;
      const reply = contestId ? await api.quiz.getContestRanking({ contestId, cursor: nextCursor }) : await api.quiz.getLeaderboard({ ...this.boardInput(scope, scopeId, period), cursor: nextCursor });
      // Another board (or a refresh) was asked for meanwhile: this page belongs to the old one.
      if (seq !== this.boardState().loads) return;
      if (!reply.ok) {
        this.setData({ loadingMore: false });
        return showToast(this, reply.message, 'error');
      }
      const rows = 'scopes' in reply.data ? rowViews(reply.data.top, shown) : contestRowViews(reply.data.top, shown);
      const patch: Record<string, unknown> = { loadingMore: false, nextCursor: reply.data.nextCursor ?? '' };
      rows.forEach((row, i) => (patch[`rows[${this.data.rows.length + i}]`] = row));
      this.setData(patch);
    },
    onReachBottom() {
      void this.loadMore();
    },
    onScope(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const chip = this.data.chips.find((c) => c.key === event.currentTarget.dataset.key);
      if (!chip || chip.key === this.data.chip) return;
      this.setData({ scope: chip.scope, scopeId: chip.scopeId, chip: chip.key });
      void this.load();
    },
    onPeriod(event: WechatMiniprogram.CustomEvent<{ value: PeriodKey }>) {
      if (event.detail.value === this.data.period) return;
      this.setData({ period: event.detail.value });
      void this.load();
    },
    /** An empty board: nobody has answered in this scope and period yet (or the contest), so a paper puts the worker on it. */
    onDaily() {
      const contestId = this.data.contestId as string;
      wx.navigateTo({ url: contestId ? `/pages/quiz/answer/index?contestId=${contestId}` : '/pages/quiz/answer/index' });
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh?.();
      if (!this.data.error) showToast(this, '已刷新', 'success', 1000);
    },
  },
});
