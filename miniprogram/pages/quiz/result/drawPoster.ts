import { posterSize, type PosterImage, type PosterOp } from './posterLayout';

/** The part of the canvas 2d API the poster uses (the mini program typings have no DOM lib). */
interface Context2d {
  fillStyle: string;
  font: string;
  textAlign: string;
  textBaseline: string;
  scale(x: number, y: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  clip(): void;
  fill(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}
interface CanvasImage {
  src: string;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}
interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): Context2d;
  createImage(): CanvasImage;
}

/** The screen's pixels per point (wx.getWindowInfo, base library 2.20.1+; 2 where it is missing). */
export function devicePixelRatio(): number {
  const ratio = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : 2;
  return ratio > 0 ? Math.min(ratio, 4) : 2;
}

function canvasOf(component: WechatMiniprogram.Component.TrivialInstance): Promise<Canvas2d> {
  return new Promise((resolve, reject) => {
    component
      .createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: Canvas2d } | null>) => {
        const canvas = res[0]?.node;
        if (canvas) resolve(canvas);
        else reject(new Error('poster canvas not found'));
      });
  });
}

/** Loads a picture for the canvas; a picture that fails to load is left out (null), not fatal. */
function loadImage(canvas: Canvas2d, url: string): Promise<CanvasImage | null> {
  return new Promise((resolve) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

function roundedRect(ctx: Context2d, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function drawOp(ctx: Context2d, op: PosterOp, images: Partial<Record<PosterImage, CanvasImage | null>>): void {
  if (op.kind === 'rect') {
    ctx.fillStyle = op.color;
    if (op.radius > 0) {
      roundedRect(ctx, op.x, op.y, op.w, op.h, op.radius);
      ctx.fill();
    } else ctx.fillRect(op.x, op.y, op.w, op.h);
  } else if (op.kind === 'text') {
    ctx.fillStyle = op.color;
    ctx.textAlign = op.align;
    ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px sans-serif`;
    ctx.fillText(op.text, op.x, op.y);
  } else {
    const image = images[op.image];
    if (!image) return;
    ctx.save();
    if (op.round) {
      ctx.beginPath();
      ctx.arc(op.x + op.size / 2, op.y + op.size / 2, op.size / 2, 0, 2 * Math.PI);
      ctx.clip();
    }
    ctx.drawImage(image, op.x, op.y, op.size, op.size);
    ctx.restore();
  }
}

/**
 * Draws the poster on the page's <canvas type="2d" id="poster"> at the device pixel ratio, with the
 * pictures that loaded, and returns a temporary PNG path of posterSize × ratio pixels.
 */
export async function drawPoster(
  component: WechatMiniprogram.Component.TrivialInstance,
  urls: Partial<Record<PosterImage, string>>,
  opsFor: (loaded: Record<PosterImage, boolean>) => PosterOp[],
): Promise<string> {
  const canvas = await canvasOf(component);
  const ratio = devicePixelRatio();
  canvas.width = posterSize.width * ratio;
  canvas.height = posterSize.height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.textBaseline = 'alphabetic';
  const images: Partial<Record<PosterImage, CanvasImage | null>> = {};
  await Promise.all(
    (Object.keys(urls) as PosterImage[]).map(async (key) => {
      const url = urls[key];
      images[key] = url ? await loadImage(canvas, url) : null;
    }),
  );
  // The layout follows what actually loaded: no 长按识别 line beside a missing code.
  for (const op of opsFor({ avatar: !!images.avatar, code: !!images.code })) drawOp(ctx, op, images);
  return new Promise((resolve, reject) => {
    wx.canvasToTempFilePath({
      canvas: canvas as unknown as WechatMiniprogram.Canvas,
      destWidth: canvas.width,
      destHeight: canvas.height,
      fileType: 'png',
      success: (r) => resolve(r.tempFilePath),
      fail: reject,
    });
  });
}
