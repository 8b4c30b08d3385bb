import { z } from 'zod';
import { defineAction } from '../action';
import { fileId, id, nickname } from '../fields';
import type { Profile } from './profile';

export const updateProfile = defineAction<Profile>()({
  input: z.strictObject({
    nickname: nickname.optional(),
    avatarFileId: fileId.optional(),
    orgId: id.optional(),
  }),
  errors: ['ORG_NOT_FOUND'],
});
