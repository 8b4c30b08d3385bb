import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { storyCardView, type StoryCardView } from '../storyCardView';

const pageSize = 10;

/** 我的收藏: newest first, ten at a time (the next page starts after the last one shown, by time saved and id). */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as StoryCardView[],
    skeletonRows: [{ width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }],
  },
  methods: {
    // Shown again after the reader, where a story may have been saved or removed.
    onShow() {
      void this.refresh();
    },
    async fetchPage(cursor: string | null): Promise<ListReply<StoryCardView>> {
      const result = await api.reading.listFavorites({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      return result.ok ? { ok: true, page: { items: result.data.stories.map(storyCardView), next: result.data.nextCursor } } : result;
    },
    onBrowse() {
      void wx.switchTab({ url: '/pages/reading/index' });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
