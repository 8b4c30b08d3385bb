import { z } from 'zod';
import { requestCategoryKeys } from './categories';

/** Bounded fields of the requests contracts. */
export const category = z.enum(requestCategoryKeys);
export const title = z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字');
export const description = z.string().trim().min(5, '请把诉求描述得具体一些(至少 5 个字)').max(1000, '描述最多 1000 个字');
export const contactName = z.string().trim().min(1, '请填写联系人').max(20, '联系人最多 20 个字');
export const place = z.string().trim().max(100, '地点最多 100 个字');
/** A cadre's reply or a reason: required, bounded. */
export const note = z.string().trim().min(1, '请填写说明').max(500, '最多 500 个字');
export const comment = z.string().trim().max(300, '评价最多 300 个字');
export const requestId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
