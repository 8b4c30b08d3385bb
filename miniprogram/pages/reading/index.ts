import type { ReadingPosition, StoryCard } from '../../../server/contracts/reading';
import { api } from '../../services/api';
import { themeNames } from '../stories/themeNames';

/** 阅读: the red-stories reading corner's home (themes, search, today's pick, continue reading). */
Component({
  data: {
    themes: themeNames,
    recommendation: null as StoryCard | null,
    continueReading: null as (StoryCard & { position: ReadingPosition }) | null,
    query: '',
    error: '',
  },
  methods: {
    // A tab page: shown again after reading, so the "continue" card is refreshed each time.
    async onShow() {
      const home = await api.reading.getHome({});
      if (!home.ok) return this.setData({ error: home.message });
      this.setData({ recommendation: home.data.recommendation, continueReading: home.data.continueReading, error: '' });
    },
    onQueryChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: event.detail.value });
    },
    onSearch() {
      const query = this.data.query.trim();
      if (query) void wx.navigateTo({ url: `/pages/stories/list/index?query=${encodeURIComponent(query)}` });
    },
    onTheme(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      void wx.navigateTo({ url: `/pages/stories/list/index?theme=${event.currentTarget.dataset.key}` });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
    onFavorites() {
      void wx.navigateTo({ url: '/pages/stories/favorites/index' });
    },
    onCheckin() {
      void wx.navigateTo({ url: '/pages/stories/checkin/index' });
    },
  },
});
