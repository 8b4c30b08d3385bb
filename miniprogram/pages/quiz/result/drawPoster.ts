import { posterSize, type PosterText } from './posterLayout';

/** The part of the canvas 2d context the poster uses (the mini program typings have no DOM lib). */
interface Context2d {
  fillStyle: string;
  font: string;
  textAlign: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}
type Canvas2d = WechatMiniprogram.Canvas & { getContext(kind: '2d'): Context2d; width: number; height: number };

/** Draws the poster on the page's <canvas type="2d" id="poster"> and returns a temporary image path. */
export function drawPoster(component: WechatMiniprogram.Component.TrivialInstance, texts: PosterText[]): Promise<string> {
  return new Promise((resolve, reject) => {
    component
      .createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: Canvas2d } | null>) => {
        const canvas = res[0]?.node;
        if (!canvas) return reject(new Error('poster canvas not found'));
        canvas.width = posterSize.width;
        canvas.height = posterSize.height;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#c8161d';
        ctx.fillRect(0, 0, posterSize.width, posterSize.height);
        ctx.textAlign = 'center';
        for (const t of texts) {
          ctx.fillStyle = t.color;
          ctx.font = `${t.size}px sans-serif`;
          ctx.fillText(t.text, t.x, t.y);
        }
        wx.canvasToTempFilePath({ canvas, success: (r) => resolve(r.tempFilePath), fail: reject });
      });
  });
}
