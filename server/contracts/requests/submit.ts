import { z } from 'zod';
import { defineAction } from '../action';
import { clientRequestId, fileId, id, mobile } from '../fields';
import { category, contactName, description, place, title } from './fields';
import type { RequestDetail } from './requestView';

/** A worker files a request; the same clientRequestId twice gives the one request back. */
export const submit = defineAction<RequestDetail>()({
  input: z.strictObject({
    category,
    title,
    description,
    photos: z.array(fileId).max(9, '最多 9 张照片').default([]),
    contactName,
    contactMobile: mobile,
    orgId: id,
    place: place.default(''),
    clientRequestId,
  }),
  errors: ['ORG_NOT_FOUND', 'FOREIGN_FILE'],
});
