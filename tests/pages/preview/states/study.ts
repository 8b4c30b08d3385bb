import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

/** 学习 home: a first visit, and the day after a daily paper. */
export const study: PagePreview = {
  page: 'pages/study/index',
  states: [...contentAndError],
};
