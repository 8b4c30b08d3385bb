import type { StoryTheme } from '../../../../server/contracts/content';
import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { storyCardView, type StoryCardView } from '../storyCardView';
import { themeNames } from '../themeNames';
import { elderMode } from '../../../behaviors/elderMode';

const pageSize = 10;

interface ListState {
  /** Each load's number: a reply for a tab the worker has already left is dropped. */
  sequence: number;
}

/**
 * One theme's stories under tabs over the six themes, ten at a time (the next page starts after the
 * last id shown), or search results. Pull down to refresh; the next page loads at the bottom.
 */
Component({
  behaviors: [elderMode],
  data: {
    themes: themeNames.map(({ key, name }) => ({ key, name })),
    theme: '' as StoryTheme | '',
    query: '',
    stories: [] as StoryCardView[],
    nextAfter: null as string | null,
    loading: false,
    loadingMore: false,
    loaded: false,
    error: '',
    skeletonRows: [{ width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }],
  },
  methods: {
    state(): ListState {
      const self = this as unknown as { list?: ListState };
      self.list ??= { sequence: 0 };
      return self.list;
    },
    onLoad(options: { theme?: string; query?: string }) {
      if (options.query) {
        const query = decodeURIComponent(options.query);
        wx.setNavigationBarTitle?.({ title: `搜索:${query}` });
        this.setData({ query });
        return void this.refresh();
      }
      const theme = themeNames.find((t) => t.key === options.theme)?.key ?? themeNames[0]!.key;
      this.setData({ theme });
      void this.refresh();
    },
    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: StoryTheme }>) {
      if (event.detail.value === this.data.theme) return;
      this.setData({ theme: event.detail.value });
      void this.refresh();
    },
    /** The first page again (a new tab, a retry, a pull-down): what is shown stays until it arrives. */
    async refresh(): Promise<boolean> {
      const sequence = ++this.state().sequence;
      this.setData({ loading: true, error: '', ...(this.data.loaded ? {} : { stories: [] }) });
      const ok = await this.fetchPage(sequence, undefined);
      return ok;
    },
    async fetchPage(sequence: number, after: string | undefined): Promise<boolean> {
      const { theme, query } = this.data;
      const result = query
        ? await api.reading.searchStories({ query })
        : theme
          ? await api.reading.listStories({ theme, limit: pageSize, ...(after ? { after } : {}) })
          : null;
      if (sequence !== this.state().sequence || !result) return false;
      if (!result.ok) {
        if (after || this.data.stories.length > 0) {
          this.setData({ loading: false, loadingMore: false });
          showToast(this, result.message, 'error');
        } else this.setData({ loading: false, loadingMore: false, error: result.message });
        return false;
      }
      const cards = result.data.stories.map(storyCardView);
      const nextAfter = 'nextAfter' in result.data ? (result.data.nextAfter as string | null) : null;
      if (!after) {
        this.setData({ loading: false, loaded: true, stories: cards, nextAfter });
        return true;
      }
      // Append by path: only the new cards travel.
      const start = this.data.stories.length;
      const patch: Record<string, unknown> = { loadingMore: false, nextAfter };
      cards.forEach((card, i) => (patch[`stories[${start + i}]`] = card));
      this.setData(patch);
      return true;
    },
    async loadMore() {
      const after = this.data.nextAfter;
      if (!after || this.data.loading || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetchPage(this.state().sequence, after);
    },
    onReachBottom() {
      void this.loadMore();
    },
    async onPullDownRefresh() {
      const ok = await this.refresh();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
    onRetry() {
      void this.refresh();
    },
    onBackHome() {
      void wx.switchTab({ url: '/pages/reading/index' });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
