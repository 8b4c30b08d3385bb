/**
 * Is each cited source checkable? A book must be narrowed to a chapter or to a text inside it; a
 * newspaper, agency or news-site report must carry a full date and say which report it is. Pure:
 * the rules read the citation's text only, so they can be wrong only where the text is ambiguous,
 * and they report (a warning), never reject.
 */

export type CitationGap = 'bookWithoutChapter' | 'reportWithoutDate' | 'reportWithoutTitle';

export const citationGapMessages: Record<CitationGap, string> = {
  bookWithoutChapter: 'cites a book without a chapter or a text inside it',
  reportWithoutDate: 'cites a news report without a full date (year, month, day)',
  reportWithoutTitle: 'cites a news report without its title (or a dispatch dateline)',
};

const num = '[一二三四五六七八九十百零〇\\d]+';
/** 出版社 or a volume number: the citation is a book (or a volume of one). */
const bookMarker = new RegExp(`出版社|第${num}(?:、${num})*卷|[上下]册`);
/** A periodical's issue (第11期, 第七卷第六号) is not a book. */
const periodicalIssue = new RegExp(`第${num}[期号]`);
/** A chapter, a preface, a dictionary entry, a page, or a dated text (a speech, a talk, a decision) inside the volume. */
const insideBook = new RegExp(`第${num}[章编节篇]|序言|导言|前言|后记|附录|“[^”]+”条|第\\d+页|\\d{4}年\\d{1,2}月\\d{1,2}日`);
const fullDate = /\d{4}年\d{1,2}月\d{1,2}日/;
/** A wire dispatch is cited by its dateline: 新华社北京2021年6月29日电. */
const dispatchDateline = /\d{1,2}日电/;
/** A paper's first issue, cited by its full date, is itself one checkable item: 《工人日报》1949年7月15日创刊号. */
const datedFirstIssue = /\d{4}年\d{1,2}月\d{1,2}日创刊号/;
/** A dated speech, letter or document reported by the outlet: the document names itself. */
const datedDocument = /讲话|谈话|唁电|贺电|贺信|批示|决定|公告|通知|公报|宣言|条约/;
/** Agencies, papers, broadcasters and news sites (not 台网, a seismic network; not 公报, a communiqué). */
const outlet = /新华社|新华网|中新社|中国新闻社|人民网|央视|电视台|日报|晚报|客户端|《[^》]*(?<!公)报》|[\u4e00-\u9fa5]{2,8}(?<![台联])网(?!络)/;
const titles = /《[^》]+》/g;
/** A title that is only the outlet's own name. */
const outletName = /(?<!公)报》$|网》$|社》$|新闻》$/;

/** The source's parts, split at ；outside brackets (a note in brackets may hold a ；). */
export function sourceParts(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if ('（(《“'.includes(ch)) depth += 1;
    if ('）)》”'.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === '；' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

/** What a single cited item lacks, if anything. */
export function citationGaps(part: string): CitationGap[] {
  const named = part.match(titles) ?? [];
  const isBook = bookMarker.test(part) && !periodicalIssue.test(part);
  if (isBook) return insideBook.test(part) || named.length > 1 ? [] : ['bookWithoutChapter'];
  if (!outlet.test(part) || periodicalIssue.test(part)) return [];
  if (!fullDate.test(part)) return ['reportWithoutDate'];
  const ownTitle = named.some((t) => !outletName.test(t));
  return ownTitle || dispatchDateline.test(part) || datedDocument.test(part) || datedFirstIssue.test(part) ? [] : ['reportWithoutTitle'];
}

export type SourceGap = { id: string; part: string; gap: CitationGap };

/** Every gap in an item's sources (a question's one source text, or a story's list). */
export function sourceGaps(id: string, sources: string | readonly string[]): SourceGap[] {
  const texts = typeof sources === 'string' ? [sources] : sources;
  return texts.flatMap((text) => sourceParts(text).flatMap((part) => citationGaps(part).map((gap) => ({ id, part, gap }))));
}
