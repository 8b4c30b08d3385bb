/** What the share poster draws, in canvas pixels (750 × 1000 at 1x), so the drawing code stays dumb. */
export interface PosterText {
  text: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

export const posterSize = { width: 750, height: 1000 };

export function posterTexts(input: { score: number; rankText: string; nickname: string; day: string }): PosterText[] {
  const centre = posterSize.width / 2;
  return [
    { text: '“读四史”知识竞赛 · 每日答题', x: centre, y: 140, size: 40, color: '#ffffff' },
    { text: `${input.score}`, x: centre, y: 420, size: 200, color: '#ffd666' },
    { text: '分', x: centre, y: 500, size: 40, color: '#ffffff' },
    { text: input.rankText, x: centre, y: 620, size: 40, color: '#ffffff' },
    { text: `${input.nickname} · ${input.day}`, x: centre, y: 720, size: 32, color: '#ffe7e7' },
    { text: '青海省总工会 · 职工之家', x: centre, y: 920, size: 28, color: '#ffe7e7' },
  ];
}
