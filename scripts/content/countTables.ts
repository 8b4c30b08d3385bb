import { historyKeys, storyThemes } from '../../server/contracts/content';
import { difficulties, optionLetters, questionTypes } from '../../server/content/questionSchema';
import type { BankCounts, KeyBalance } from '../../server/content/bankChecks';

const pad = (value: string | number, width: number) => String(value).padStart(width);

/** Questions per history × type × difficulty with Qinghai counts, then stories per theme. */
export function formatCountTables(counts: BankCounts): string[] {
  const q = counts.questions;
  const cell = 4;
  const group = cell * difficulties.length;
  const lines = [
    'Questions (columns: type, then difficulty 1 2 3)',
    `${''.padEnd(10)}${questionTypes.map((t) => ` |${t.padStart(group)}`).join('')} | total | qinghai`,
    `${''.padEnd(10)}${questionTypes.map(() => ` |${difficulties.map((d) => pad(d, cell)).join('')}`).join('')} |       |`,
  ];
  for (const h of historyKeys) {
    const row = q.byHistory[h];
    const cells = questionTypes.map((t) => ` |${difficulties.map((d) => pad(row.byType[t][d], cell)).join('')}`).join('');
    lines.push(`${h.padEnd(10)}${cells} |${pad(row.total, 6)} |${pad(row.qinghai, 8)}`);
  }
  const totals = questionTypes
    .map((t) => ` |${difficulties.map((d) => pad(historyKeys.reduce((sum, h) => sum + q.byHistory[h].byType[t][d], 0), cell)).join('')}`)
    .join('');
  lines.push(`${'total'.padEnd(10)}${totals} |${pad(q.total, 6)} |${pad(q.qinghai, 8)}`);
  const byDifficulty = difficulties.map((d) => `${d}: ${historyKeys.reduce((sum, h) => sum + questionTypes.reduce((s, t) => s + q.byHistory[h].byType[t][d], 0), 0)}`);
  lines.push(`by difficulty ${byDifficulty.join(', ')}`, '');
  lines.push(...formatKeyBalance(q.keys), '');
  lines.push(`Sealed contest pool: ${q.sealed} of ${q.total} (${historyKeys.map((h) => `${h} ${q.byHistory[h].sealed}`).join(', ')})`, '');

  const s = counts.stories;
  lines.push('Stories', `${'theme'.padEnd(14)}| total | qinghai`);
  for (const t of storyThemes) lines.push(`${t.padEnd(14)}|${pad(s.byTheme[t].total, 6)} |${pad(s.byTheme[t].qinghai, 8)}`);
  lines.push(`${'total'.padEnd(14)}|${pad(s.total, 6)} |${pad(s.qinghai, 8)}`);
  if (counts.invalid.questions + counts.invalid.stories > 0) {
    lines.push('', `not counted (invalid): ${counts.invalid.questions} questions, ${counts.invalid.stories} stories`);
  }
  return lines;
}

const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)} %`);

/** Where the right answers sit, per type (see KeyBalance). */
export function formatKeyBalance(keys: KeyBalance): string[] {
  const { single, multiple, judge } = keys;
  const lettersOffered = optionLetters.filter((l) => multiple.offered[l] > 0);
  const rightCounts = Object.keys(multiple.byRightCount)
    .map(Number)
    .sort((a, b) => a - b);
  return [
    'Answer keys',
    `single   ${pad(single.total, 4)}: ${(['A', 'B', 'C', 'D'] as const).map((l) => `${l} ${percent(single.byLetter[l], single.total)}`).join('  ')}  (each letter must be 20–30 %)`,
    `multiple ${pad(multiple.total, 4)}: right when offered ${lettersOffered.map((l) => `${l} ${percent(multiple.right[l], multiple.offered[l])}`).join('  ')}`,
    `${''.padEnd(15)}right options per question ${rightCounts.map((n) => `${n}: ${multiple.byRightCount[n]}`).join(', ')}; every option right: ${multiple.allRight}`,
    `judge    ${pad(judge.total, 4)}: 正确 ${percent(judge.right, judge.total)}  错误 ${percent(judge.wrong, judge.total)}`,
  ];
}
