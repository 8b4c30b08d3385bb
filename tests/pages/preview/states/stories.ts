import type { PagePreview } from '../previewTypes';
import { firstStoryId } from '../stateHelpers';

export const storyList: PagePreview = {
  page: 'pages/stories/list/index',
  states: [
    { name: 'theme', query: { theme: 'founding' } },
    { name: 'qinghai', query: { theme: 'qinghai' } },
    { name: 'search-empty', query: { query: '不存在的故事' } },
    { name: 'error', offline: true, query: { theme: 'founding' } },
  ],
};

export const storyReader: PagePreview = {
  page: 'pages/stories/reader/index',
  states: [
    { name: 'content', setup: async (context) => ({ storyId: await firstStoryId(context) }) },
    { name: 'large-text', storage: { 'reader.fontSize': 'large' }, setup: async (context) => ({ storyId: await firstStoryId(context, 'qinghai') }) },
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
