import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

export const service: PagePreview = { page: 'pages/service/index', states: [...contentAndError] };
