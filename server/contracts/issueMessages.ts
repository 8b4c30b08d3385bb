import type { z } from 'zod';

/**
 * Validation messages as editors and workers read them: Chinese, naming the field. zod's own text
 * is English and technical ("Too small: expected string to have >=1 characters"); schemas shared
 * with the content tooling keep their English for developers and give the Chinese with the issue
 * (`params: { zh }`, the words after the field's name). One formatter for the server's answers, the
 * console's forms and the mini program.
 */

/**
 * A field's name, or for a list its name and what one item is called: a word counted (正文 → 第 3
 * 段) or a name of its own by position (a sheet's options → 选项C).
 */
export type FieldName = string | { name: string; item: string | ((index: number) => string) };
export type FieldNames = Readonly<Record<string, FieldName>>;

/** A schema's words for an issue, after the field's name (e.g. 「共 12 字,应为 30–200 字」). */
export const zh = (words: string) => ({ zh: words });

const hasChinese = (text: string) => /[\u4e00-\u9fa5]/.test(text);

/** 标题, 第 3 段, 资料来源第 2 条: the field an issue's path points at. */
export function fieldLabel(path: readonly PropertyKey[], names: FieldNames = {}): string {
  const [head, index] = path;
  const name = head === undefined ? undefined : names[String(head)];
  const base = typeof name === 'string' ? name : (name?.name ?? (head === undefined ? '内容' : String(head)));
  if (typeof index !== 'number') return base;
  if (typeof name !== 'object') return `${base}第 ${index + 1} 项`;
  return typeof name.item === 'function' ? name.item(index) : `第 ${index + 1} ${name.item}`;
}

/**
 * A nested field's name through every level (第 3 题的所选答案), or undefined when a level has
 * none: the caller then shows the path as it is.
 */
export function pathLabel(path: readonly PropertyKey[], names: FieldNames): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(names, key)) return undefined;
    const index = path[i + 1];
    if (typeof index === 'number') i += 1;
    parts.push(fieldLabel(typeof index === 'number' ? [key, index] : [key], names));
  }
  return parts.length > 0 ? parts.join('的') : undefined;
}

type Issue = z.core.$ZodIssue;

function sizeWords(issue: Issue & { origin?: string }, bound: number, small: boolean): string {
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small) return bound <= 1 && inclusive ? '不能为空' : `至少 ${inclusive ? bound : bound + 1} 个字`;
      return `不能超过 ${inclusive ? bound : bound - 1} 个字`;
    case 'array':
    case 'set':
      if (small) return bound <= 1 && inclusive ? '至少要填一项' : `至少 ${inclusive ? bound : bound + 1} 项`;
      return `最多 ${inclusive ? bound : bound - 1} 项`;
    default:
      return small ? `不能小于 ${bound}` : `不能大于 ${bound}`;
  }
}

/** The words after the field's name for one issue. */
export function issueWords(issue: Issue): string {
  const given = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof given === 'string') return given;
  // A message the schema wrote in Chinese says it already.
  if (hasChinese(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return sizeWords(issue, Number(issue.minimum), true);
    case 'too_big':
      return sizeWords(issue, Number(issue.maximum), false);
    case 'invalid_format':
      // A text that must hold something other than white space.
      return issue.format === 'regex' && (issue as { pattern?: string }).pattern === '/\\S/' ? '不能为空' : '格式不正确';
    case 'invalid_type':
      return issue.expected === 'int' ? '必须是整数' : issue.expected === 'number' ? '必须是数字' : '格式不正确';
    case 'invalid_value':
      return '不在可选范围内';
    case 'unrecognized_keys':
      return `包含不认识的字段 ${issue.keys.join(', ')}`;
    default:
      return '不符合要求';
  }
}

/** One issue as a sentence: 「标题不能为空」「第 3 段不能超过 2000 个字」. */
export function issueText(issue: Issue, names: FieldNames = {}): string {
  const words = issueWords(issue);
  // A schema's own Chinese message may name the field itself.
  return hasChinese(issue.message) && !(issue as { params?: { zh?: unknown } }).params?.zh ? words : `${fieldLabel(issue.path, names)}${words}`;
}

/** The first problem of each top-level field, for a form to show beside it. */
export function issuesByField(error: z.ZodError, names: FieldNames = {}, fallback = 'form'): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of error.issues) found[String(issue.path[0] ?? fallback)] ??= issueText(issue, names);
  return found;
}
