import type { z } from 'zod';
import { commonFieldNames } from '../contracts/fieldLabels';
import { issueWords, pathLabel, type FieldNames } from '../contracts/issueMessages';

/**
 * A short Chinese message naming the first bad field as people call it (the contract's `labels`,
 * else the common names, else its path); zod's own text is English and technical.
 */
export function describeIssues(error: z.ZodError, labels?: FieldNames): string {
  const issue = error.issues[0];
  if (!issue) return '输入有误';
  if (issue.code === 'unrecognized_keys') return `输入有误:不认识的字段 ${issue.keys.join(', ')}`;
  const names = labels ? { ...commonFieldNames, ...labels } : commonFieldNames;
  const field = pathLabel(issue.path, names) ?? issue.path.map(String).join('.');
  // The schema's own Chinese message, else zod's English said in Chinese (server/contracts/issueMessages.ts).
  const words = issueWords(issue).replace(/^[:\s]+/, '');
  // A message that names the field already (「标题至少 2 个字」) needs it no second time.
  return field && !words.includes(field) ? `输入有误(${field}):${words}` : `输入有误:${words}`;
}
