import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { storyCardView, type StoryCardView } from '../storyCardView';
import { elderMode } from '../../../behaviors/elderMode';

const pageSize = 10;

/** 我的收藏: newest first, ten at a time (the next page starts before the last one shown). */
Component({
  behaviors: [elderMode],
  data: {
    stories: [] as StoryCardView[],
    nextBefore: null as string | null,
    loading: false,
    loadingMore: false,
    loaded: false,
    error: '',
    skeletonRows: [{ width: '100%', height: '200rpx' }, { width: '100%', height: '200rpx' }],
  },
  methods: {
    // Shown again after the reader, where a story may have been saved or removed.
    onShow() {
      void this.refresh();
    },
    async refresh(): Promise<boolean> {
      this.setData({ loading: true, error: '' });
      const result = await api.reading.listFavorites({ limit: pageSize });
      if (!result.ok) {
        if (this.data.stories.length > 0) showToast(this, result.message, 'error');
        this.setData({ loading: false, error: this.data.stories.length > 0 ? '' : result.message });
        return false;
      }
      this.setData({ loading: false, loaded: true, stories: result.data.stories.map(storyCardView), nextBefore: result.data.nextBefore });
      return true;
    },
    async loadMore() {
      const before = this.data.nextBefore;
      if (!before || this.data.loading || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const result = await api.reading.listFavorites({ limit: pageSize, before });
      if (!result.ok) {
        this.setData({ loadingMore: false });
        return showToast(this, result.message, 'error');
      }
      // Append by path: only the new cards travel.
      const start = this.data.stories.length;
      const patch: Record<string, unknown> = { loadingMore: false, nextBefore: result.data.nextBefore };
      result.data.stories.forEach((s, i) => (patch[`stories[${start + i}]`] = storyCardView(s)));
      this.setData(patch);
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
    onBrowse() {
      void wx.switchTab({ url: '/pages/reading/index' });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
  },
});
