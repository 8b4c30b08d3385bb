import type { StoryCard } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';

/** 我的收藏: newest first, the next page starts before the last one shown. */
Component({
  data: {
    stories: [] as StoryCard[],
    nextBefore: null as string | null,
    loading: false,
    empty: false,
    error: '',
  },
  methods: {
    onShow() {
      this.setData({ stories: [], nextBefore: null });
      void this.loadMore();
    },
    async loadMore() {
      if (this.data.loading) return;
      const before = this.data.nextBefore;
      this.setData({ loading: true });
      const result = await api.reading.listFavorites({ limit: 20, ...(before ? { before } : {}) });
      if (!result.ok) return this.setData({ loading: false, error: result.message });
      const start = before ? this.data.stories.length : 0;
      const patch: Record<string, unknown> = { loading: false, nextBefore: result.data.nextBefore, empty: start + result.data.stories.length === 0 };
      result.data.stories.forEach((s, i) => (patch[`stories[${start + i}]`] = s));
      this.setData(patch);
    },
    onReachBottom() {
      if (this.data.nextBefore) void this.loadMore();
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
