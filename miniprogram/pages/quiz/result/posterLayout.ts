/**
 * What the share poster draws, in logical points (375 × 600, a phone's width); the drawing code
 * multiplies by the device pixel ratio, so the picture is sharp on every screen.
 */
export const posterSize = { width: 375, height: 600 };

export type PosterImage = 'avatar' | 'code';

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius: number }
  | { kind: 'text'; text: string; x: number; y: number; size: number; color: string; bold: boolean; align: 'left' | 'center' }
  | { kind: 'image'; image: PosterImage; x: number; y: number; size: number; round: boolean };

export interface PosterInput {
  score: number;
  rankText: string;
  nickname: string;
  day: string;
  hasAvatar: boolean;
  hasCode: boolean;
  /** The contest's title for a contest paper, '' for the daily paper. */
  contestTitle: string;
}

const RED = '#c8161d';
const centre = posterSize.width / 2;

const text = (value: string, x: number, y: number, size: number, color: string, bold = false, align: 'left' | 'center' = 'center'): PosterOp => ({ kind: 'text', text: value, x, y, size, color, bold, align });

/** A text as drawn: at most `max` characters, so it never runs off the poster. */
function shortened(value: string, max: number): string {
  const chars = [...value.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** A nickname as drawn: at most 12 characters. */
export function shownNickname(nickname: string): string {
  return shortened(nickname, 12) || '职工';
}

/** The poster's headline: the contest's title (16 characters of 20 pt fit the width), or the daily paper. */
export function posterHeadline(contestTitle: string): string {
  return shortened(contestTitle, 16) || '“读四史”知识竞赛 · 每日答题';
}

export function posterOps(input: PosterInput): PosterOp[] {
  const name = shownNickname(input.nickname);
  const avatar: PosterOp[] = input.hasAvatar
    ? [{ kind: 'image', image: 'avatar', x: centre - 32, y: 84, size: 64, round: true }]
    : // Without a checked avatar: the first character of the name on a light disc.
      [{ kind: 'rect', x: centre - 32, y: 84, w: 64, h: 64, color: '#ffe7e7', radius: 32 }, text([...name][0] ?? '职', centre, 126, 28, RED, true)];
  const code: PosterOp[] = input.hasCode
    ? [
        { kind: 'image', image: 'code', x: 24, y: 464, size: 112, round: false },
        text('长按识别小程序码', 152, 506, 16, '#1f1f1f', true, 'left'),
        text('和我一起学四史、答题', 152, 532, 14, '#4d4d4d', false, 'left'),
        text('青海省总工会 · 职工之家', 152, 560, 12, '#595959', false, 'left'),
      ]
    : [text('微信搜索「职工之家」小程序', centre, 520, 16, '#1f1f1f', true), text('青海省总工会 · 职工之家', centre, 552, 12, '#595959')];
  return [
    { kind: 'rect', x: 0, y: 0, w: posterSize.width, h: posterSize.height, color: RED, radius: 0 },
    text(posterHeadline(input.contestTitle), centre, 52, 20, '#ffffff', true),
    ...avatar,
    text(name, centre, 180, 18, '#ffffff', true),
    text(`${input.score}`, centre, 300, 96, '#ffd666', true),
    text('分', centre, 336, 18, '#ffffff'),
    text(input.rankText, centre, 384, 18, '#ffffff'),
    text(input.day, centre, 414, 14, '#ffe7e7'),
    { kind: 'rect', x: 0, y: 440, w: posterSize.width, h: posterSize.height - 440, color: '#ffffff', radius: 0 },
    ...code,
  ];
}
