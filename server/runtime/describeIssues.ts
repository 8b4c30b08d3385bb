import type { z } from 'zod';
import { issueWords } from '../contracts/issueMessages';

/** A short Chinese message naming the first bad field; zod's own text is English and technical. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '输入有误';
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `输入有误:不认识的字段 ${issue.keys.join(', ')}`;
  // The schema's own Chinese message, else zod's English said in Chinese (server/contracts/issueMessages.ts).
  return `输入有误${field ? `(${field})` : ''}:${issueWords(issue)}`;
}
