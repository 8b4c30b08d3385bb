import { z } from 'zod';
import { defineAction } from '../action';
import { fileId, nickname } from '../fields';
import type { Profile } from './profile';

/**
 * Nickname and avatar; the organisation is asked for with requestOrgJoin, never set here. The avatar
 * must be in the worker's own upload folder and shows once WeChat's image check passed.
 */
export const updateProfile = defineAction<Profile>()({
  input: z.strictObject({
    nickname: nickname.optional(),
    avatarFileId: fileId.optional(),
  }),
  errors: ['FOREIGN_FILE'],
});
