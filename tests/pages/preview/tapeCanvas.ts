import { fetchBytes } from '../harness/fakeCanvas';
import { canvasTapePrefix } from '../../../scripts/preview/pageDocument';

/** One thing the page did to the 2d context, in order: a call, or a property set (fillStyle, font…). */
export type TapeOp = { call: string; args: unknown[] } | { set: string; value: unknown };

/** What the picture's browser replays on a real canvas (scripts/preview/pageDocument.ts, previewReplay). */
export interface CanvasTape {
  width: number;
  height: number;
  ops: TapeOp[];
  /** The pictures drawn, as data URLs; a drawImage names one by its index. */
  images: string[];
}

interface TapeImage {
  src: string;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
  index: number;
}

/**
 * The simulator has no canvas, and the pictures want the poster as drawn: a stand-in for
 * `<canvas type="2d">`'s node that tapes every 2d call and property set, and loads pictures over
 * HTTP (from the local cloud) into data URLs. `imageSource()` is what canvasToTempFilePath hands the
 * page; the picture's browser draws it on a real canvas with the page's web font.
 */
export class TapeCanvas {
  width = 300;
  height = 150;
  private readonly tape: CanvasTape = { width: 0, height: 0, ops: [], images: [] };
  private readonly loaded = new Set<object>();

  getContext(kind: string): unknown {
    if (kind !== '2d') throw new Error(`unsupported context ${kind}`);
    const values: Record<string, unknown> = {};
    const ops = this.tape.ops;
    return new Proxy(values, {
      get: (_target, name: string) =>
        name in values ? values[name] : (...args: unknown[]) => void ops.push({ call: name, args: args.map((arg) => (this.loaded.has(arg as object) ? { image: (arg as TapeImage).index } : arg)) }),
      set: (_target, name: string, value: unknown) => {
        values[name] = value;
        ops.push({ set: name, value });
        return true;
      },
    });
  }

  createImage(): TapeImage {
    const images = this.tape.images;
    const loaded = this.loaded;
    let source = '';
    const image: TapeImage = {
      onload: null,
      onerror: null,
      index: -1,
      get src() {
        return source;
      },
      set src(url: string) {
        source = url;
        fetchBytes(url).then(
          (bytes) => {
            image.index = images.push(`data:${bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ? 'image/jpeg' : 'image/png'};base64,${bytes.toString('base64')}`) - 1;
            loaded.add(image);
            image.onload?.();
          },
          (error: unknown) => image.onerror?.(error),
        );
      },
    };
    return image;
  }

  /** The drawing so far, as an image source the pictures know how to draw. */
  imageSource(): string {
    return canvasTapePrefix + encodeURIComponent(JSON.stringify({ ...this.tape, width: this.width, height: this.height }));
  }
}
