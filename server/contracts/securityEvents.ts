import { z } from 'zod';

/**
 * WeChat's wxa_media_check push (mediaCheckAsync v2), as the message push delivers it to the
 * securityEvents function. Other fields the platform adds (ToUserName, CreateTime, …) are ignored.
 */
export const mediaCheckEvent = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  version: z.literal(2).optional(),
  result: z.object({
    suggest: z.enum(['pass', 'review', 'risky']),
    label: z.number(),
  }),
  detail: z.array(z.unknown()).optional(),
});

export type MediaCheckEvent = z.infer<typeof mediaCheckEvent>;
