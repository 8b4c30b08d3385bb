import type { PagePreview } from '../previewTypes';
import { firstStoryId } from '../stateHelpers';

export const storyList: PagePreview = {
  page: 'pages/stories/list/index',
  states: [
    { name: 'theme', query: { theme: 'founding' } },
    {
      name: 'qinghai',
      // A worker part-way through the first story and done with the second: the cards show both.
      async setup(context) {
        const page = await context.invoke<{ stories: Array<{ id: string }> }>('reading', 'listStories', { theme: 'qinghai', limit: 2 });
        const [reading, done] = page.stories;
        if (reading) {
          await context.invoke('reading', 'saveProgress', { storyId: reading.id, paragraph: 2, offset: 0 });
          await context.invoke('reading', 'heartbeat', { storyId: reading.id });
        }
        if (done) await context.invoke('reading', 'saveProgress', { storyId: done.id, paragraph: 0, offset: 0 });
        return { theme: 'qinghai' };
      },
    },
    { name: 'search-empty', query: { query: '不存在的故事' } },
    { name: 'error', offline: true, query: { theme: 'founding' } },
  ],
};

export const storyReader: PagePreview = {
  page: 'pages/stories/reader/index',
  states: [
    { name: 'content', setup: async (context) => ({ storyId: await firstStoryId(context) }) },
    { name: 'large-text', storage: { 'reading.largeFont': true }, setup: async (context) => ({ storyId: await firstStoryId(context, 'qinghai') }) },
    { name: 'night', storage: { 'reading.nightMode': true }, setup: async (context) => ({ storyId: await firstStoryId(context, 'labor') }) },
    { name: 'error', offline: true, query: { storyId: 'missing' } },
  ],
};

export const storyFavorites: PagePreview = {
  page: 'pages/stories/favorites/index',
  states: [
    { name: 'empty' },
    {
      name: 'content',
      async setup(context) {
        await context.invoke('reading', 'setFavorite', { storyId: await firstStoryId(context), favorited: true });
        await context.invoke('reading', 'setFavorite', { storyId: await firstStoryId(context, 'qinghai'), favorited: true });
      },
    },
    { name: 'error', offline: true },
  ],
};

export const storyCheckin: PagePreview = {
  page: 'pages/stories/checkin/index',
  states: [{ name: 'content' }, { name: 'error', offline: true }],
};
