import type { z } from 'zod';

/** A short Chinese message naming the first bad field; zod's own text is English and technical. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '输入有误';
  const field = issue.path.map(String).join('.');
  // Messages we wrote in the schemas are Chinese; zod's defaults are not shown to workers.
  const ours = /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '';
  if (issue.code === 'unrecognized_keys') return `输入有误:不认识的字段 ${issue.keys.join(', ')}`;
  return `输入有误${field ? `(${field})` : ''}${ours ? `:${ours}` : ''}`;
}
