import type { StoryCard } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { themeNames } from '../../../pages/stories/themeNames';
import { elderMode } from '../../../behaviors/elderMode';

type ManagedStory = StoryCard & { published: boolean };

/** 故事管理: a cadre takes stories down or puts them back, theme by theme. */
Component({
  behaviors: [elderMode],
  data: {
    themes: themeNames,
    theme: 'founding' as string,
    stories: [] as ManagedStory[],
    busy: '',
    error: '',
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
      if (!result.ok) return this.setData({ error: result.message });
      this.setData({ stories: result.data.stories, error: '' });
    },
    onTheme(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ theme: event.currentTarget.dataset.key, stories: [] });
      void this.load();
    },
    async onTogglePublished(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; index: number }>) {
      const { id, index } = event.currentTarget.dataset;
      const story = this.data.stories[index];
      if (!story || this.data.busy) return;
      this.setData({ busy: id, error: '' });
      const result = await api.reading.setStoryPublished({ storyId: id, published: !story.published });
      if (!result.ok) return this.setData({ busy: '', error: result.message });
      this.setData({ busy: '', [`stories[${index}].published`]: result.data.published });
    },
  },
});
