import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

/** First run: a new worker's first visit, the privacy popup before agreeing, the form filled in (union chosen, nickname typed), no network. */
export const onboarding: PagePreview = {
  page: 'pages/onboarding/index',
  states: [
    ...contentAndError,
    // A first visit before the worker has agreed to the privacy guide: the popup asks at once.
    { name: 'privacy-popup', privacyNeeded: true },
    {
      name: 'filled-in',
      async act(page) {
        const instance = page.instance as unknown as { onOrgPicked(event: unknown): void; onNicknameChange(event: unknown): void };
        instance.onNicknameChange({ detail: { value: '柴达木巡线工' } });
        instance.onOrgPicked({ detail: { value: 'qh-haixi' } });
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    },
  ],
};
