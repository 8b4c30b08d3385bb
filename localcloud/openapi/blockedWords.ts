import { existsSync, readFileSync } from 'node:fs';

/** A word msgSecCheck flags, and the WeChat label it reports (21000 "other" unless given). */
export interface BlockedWord {
  word: string;
  label: number;
}

const OTHER_LABEL = 21000;

/**
 * One word per line, `#` starts a comment; an optional WeChat label may follow the word
 * (`赌博 20006`). A missing file means no blocked words.
 */
export function readBlockedWords(file: string): BlockedWord[] {
  if (!existsSync(file)) return [];
  const words: BlockedWord[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const text = line.replace(/#.*$/, '').trim();
    if (!text) continue;
    const [word, label] = text.split(/\s+/);
    words.push({ word: word as string, label: label && /^\d+$/.test(label) ? Number(label) : OTHER_LABEL });
  }
  return words;
}
