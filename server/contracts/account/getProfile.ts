import { z } from 'zod';
import { defineAction } from '../action';
import type { Profile } from './profile';

/** The caller's profile; created on first use. */
export const getProfile = defineAction<Profile>()({
  input: z.strictObject({}),
});
