import { z } from 'zod';
import { defineAction } from '../action';

/** The top-level data field that carries wx.cloud.CloudID(shareTicket's cloudID). */
export const groupCloudIdField = 'groupCloudId';

/** Remembers the WeChat group the mini program was opened from (resolved on the server). */
export const joinGroup = defineAction<{ groupId: string }>()({
  input: z.strictObject({}),
  errors: ['NO_GROUP'],
});
