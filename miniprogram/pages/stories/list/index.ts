import type { StoryCard } from '../../../../server/contracts/reading';
import type { StoryTheme } from '../../../../server/contracts/content';
import { api } from '../../../services/api';
import { themeName, themeNames } from '../themeNames';

const pageSize = 10;

/** One theme's stories, ten at a time (the next page starts after the last id shown), or search results. */
Component({
  data: {
    title: '',
    stories: [] as StoryCard[],
    nextAfter: null as string | null,
    loading: false,
    empty: false,
    error: '',
  },
  methods: {
    onLoad(options: { theme?: string; query?: string }) {
      const theme = themeNames.find((t) => t.key === options.theme)?.key;
      (this as unknown as { theme?: StoryTheme }).theme = theme;
      if (options.query) return void this.search(decodeURIComponent(options.query));
      if (theme) {
        this.setData({ title: themeName(theme) });
        return void this.loadMore();
      }
      this.setData({ error: '请选择一个主题' });
    },
    async search(query: string) {
      this.setData({ title: `搜索:${query}`, loading: true });
      const result = await api.reading.searchStories({ query });
      if (!result.ok) return this.setData({ loading: false, error: result.message });
      this.setData({ loading: false, stories: result.data.stories, empty: result.data.stories.length === 0 });
    },
    async loadMore() {
      const theme = (this as unknown as { theme?: StoryTheme }).theme;
      if (!theme || this.data.loading) return;
      const after = this.data.nextAfter;
      if (after === null && this.data.stories.length > 0) return;
      this.setData({ loading: true });
      const result = await api.reading.listStories({ theme, limit: pageSize, ...(after ? { after } : {}) });
      if (!result.ok) return this.setData({ loading: false, error: result.message });
      // Append by path: only the new cards travel.
      const start = this.data.stories.length;
      const patch: Record<string, unknown> = { loading: false, nextAfter: result.data.nextAfter, empty: start + result.data.stories.length === 0 };
      result.data.stories.forEach((s, i) => (patch[`stories[${start + i}]`] = s));
      this.setData(patch);
    },
    onReachBottom() {
      void this.loadMore();
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
