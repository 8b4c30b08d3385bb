import type { StoryCard } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { themeNames } from '../../../pages/stories/themeNames';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { confirmAction } from '../../../services/confirmDialog';

type ManagedStory = StoryCard & { published: boolean };

const pageSize = 20;

/**
 * 故事管理: a cadre takes stories down (after a confirmation) or puts them back, theme by theme,
 * twenty at a time in id order (the next page loads at the bottom).
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction],
  data: {
    themes: themeNames,
    theme: 'founding' as string,
    items: [] as ManagedStory[],
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
    onTogglePublished(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; index: number }>) {
      const { id, index } = event.currentTarget.dataset;
      const story = this.data.items[index];
      if (!story) return;
      // Taking a story down hides it from every worker at once: ask first. Putting it back does not.
      if (story.published) {
        this.confirmThenRun({
          ...this.publishing(id, false),
          action: 'unpublish', title: `下架《${story.title}》?`, content: '下架后职工在故事列表、搜索和收藏里都看不到它,可以随时重新发布。', confirm: '下架',
        });
        return;
      }
      void this.runAction(this.publishing(id, true));
    },
    publishing(id: string, published: boolean) {
      return {
        run: () => api.reading.setStoryPublished({ storyId: id, published }),
        done: (data: { published: boolean }) => (data.published ? '已重新发布' : '已下架'),
        // Found by id when the reply comes: the list may have grown by a page meanwhile.
        refresh: (data: { published: boolean }) => {
          const at = this.data.items.findIndex((s) => s.id === id);
          if (at >= 0) this.setData({ [`items[${at}].published`]: data.published });
        },
      };
    },
  },
});
