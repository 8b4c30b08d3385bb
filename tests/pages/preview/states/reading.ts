import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

export const reading: PagePreview = { page: 'pages/reading/index', states: [...contentAndError] };
