import type { StoryTheme } from '../../../../server/contracts/content';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { storyCardView, type StoryCardView } from '../storyCardView';
import { themeNames } from '../themeNames';

const pageSize = 10;

/**
 * One theme's stories under tabs over the six themes, ten at a time (the next page starts after the
 * last id shown), or search results twenty at a time. Pull down to refresh; the next page loads at the bottom.
 */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    themes: themeNames.map(({ key, name }) => ({ key, name })),
    theme: '' as StoryTheme | '',
    query: '',
    items: [] as StoryCardView[],
    skeletonRows: [{ width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }],
  },
  methods: {
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
      // The old tab's stories stay until the new tab's arrive; a late reply for the old tab is dropped.
      void this.refresh();
    },
    /** Search results and a theme's stories both page after the last id shown. */
    async fetchPage(after: string | null): Promise<ListReply<StoryCardView>> {
      const { theme, query } = this.data;
      if (query) {
        const found = await api.reading.searchStories({ query, ...(after ? { after } : {}) });
        return found.ok ? { ok: true, page: { items: found.data.stories.map(storyCardView), next: found.data.nextAfter } } : found;
      }
      if (!theme) return { ok: true, page: { items: [], next: null } };
      const result = await api.reading.listStories({ theme, limit: pageSize, ...(after ? { after } : {}) });
      return result.ok ? { ok: true, page: { items: result.data.stories.map(storyCardView), next: result.data.nextAfter } } : result;
    },
    onBackHome() {
      void wx.switchTab({ url: '/pages/reading/index' });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
