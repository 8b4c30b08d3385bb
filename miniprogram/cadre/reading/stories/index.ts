import type { StoryCard } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { themeNames } from '../../../pages/stories/themeNames';
import { elderMode } from '../../../behaviors/elderMode';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';

type ManagedStory = StoryCard & { published: boolean };

/** 故事管理: a cadre takes stories down (after a confirmation) or puts them back, theme by theme. */
Component({
  behaviors: [elderMode],
  data: {
    themes: themeNames,
    theme: 'founding' as string,
    stories: [] as ManagedStory[],
    loading: true,
    busy: '',
    error: '',
    pending: null as { id: string; index: number } | null,
    dialog: closedDialog,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const theme = themeNames.find((t) => t.key === this.data.theme)?.key ?? 'founding';
      const result = await api.reading.listAllStories({ theme });
      if (!result.ok) return this.setData({ loading: false, error: result.message });
      this.setData({ loading: false, stories: result.data.stories, error: '' });
    },
    onTheme(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ theme: event.currentTarget.dataset.key, stories: [], loading: true });
      void this.load();
    },
    async onTogglePublished(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; index: number }>) {
      const { id, index } = event.currentTarget.dataset;
      const story = this.data.stories[index];
      if (!story || this.data.busy) return;
      // Taking a story down hides it from every worker at once: ask first. Putting it back does not.
      if (story.published) {
        this.setData({ pending: { id, index }, ...askDialog('unpublish', `下架《${story.title}》?`, '下架后职工在故事列表、搜索和收藏里都看不到它,可以随时重新发布。', '下架') });
        return;
      }
      await this.setPublished(id, index, true);
    },
    async setPublished(id: string, index: number, published: boolean) {
      this.setData({ busy: id });
      const result = await api.reading.setStoryPublished({ storyId: id, published });
      if (!result.ok) {
        this.setData({ busy: '' });
        return showToast(this, result.message, 'error');
      }
      this.setData({ busy: '', [`stories[${index}].published`]: result.data.published });
      showToast(this, result.data.published ? '已重新发布' : '已下架', 'success');
    },
    onDialogConfirm() {
      const pending = this.data.pending;
      this.setData({ dialog: closedDialog, pending: null });
      if (pending) void this.setPublished(pending.id, pending.index, false);
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog, pending: null });
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
  },
});
