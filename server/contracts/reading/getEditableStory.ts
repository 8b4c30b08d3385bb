import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { StoryMediaCheck, StoryText } from './types';

/** A story as its editor opens it: the whole text, its organisation, state and media (with temporary links). */
export interface EditableStory extends StoryText {
  id: string;
  orgId: string | null;
  orgName: string;
  published: boolean;
  editable: boolean;
  coverFileId: string | null;
  coverUrl: string | null;
  audioFileId: string | null;
  audioUrl: string | null;
  /** Where the cover's and the audio's content checks stand (null: none). */
  coverCheck: StoryMediaCheck | null;
  audioCheck: StoryMediaCheck | null;
  updatedAt: string | null;
}

export const getEditableStory = defineAction<EditableStory>()({
  input: z.strictObject({ storyId }),
  errors: ['STORY_NOT_FOUND'],
});
