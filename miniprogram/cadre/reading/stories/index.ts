import type { StoryCard } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { themeNames } from '../../../pages/stories/themeNames';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';

type ManagedStory = StoryCard & { published: boolean };

const pageSize = 20;

/**
 * 故事管理: a cadre takes stories down (after a confirmation) or puts them back, theme by theme,
 * twenty at a time in id order (the next page loads at the bottom).
 */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    themes: themeNames,
    theme: 'founding' as string,
    items: [] as ManagedStory[],
    busy: '',
    pending: null as { id: string; index: number } | null,
    dialog: closedDialog,
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(after: string | null): Promise<ListReply<ManagedStory>> {
      const theme = themeNames.find((t) => t.key === this.data.theme)?.key ?? 'founding';
      const result = await api.reading.listAllStories({ theme, limit: pageSize, ...(after ? { after } : {}) });
      return result.ok ? { ok: true, page: { items: result.data.stories, next: result.data.nextAfter } } : result;
    },
    onTheme(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ theme: event.currentTarget.dataset.key });
      // Another theme starts afresh: its skeleton, then its first page (a late reply for the old theme is dropped).
      void this.restart();
    },
    async onTogglePublished(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; index: number }>) {
      const { id, index } = event.currentTarget.dataset;
      const story = this.data.items[index];
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
      this.setData({ busy: '', [`items[${index}].published`]: result.data.published });
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
  },
});
