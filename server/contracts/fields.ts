import { z } from 'zod';

/**
 * Field schemas shared by the contracts. Every string is bounded; none accepts an object, so an
 * injected operator such as {"$gt": ""} fails validation instead of reaching a query.
 */
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符');
export const clientRequestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const nickname = z.string().trim().min(1, '请填写昵称').max(20, '昵称最多 20 个字');
/** A file id in cloud storage as wx.cloud.uploadFile returns it. */
export const fileId = z.string().min(10).max(512).regex(/^cloud:\/\/[^\s]+$/, '文件地址无效');
export const mobile = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码');
