import http from 'node:http';

/** One drawing call on the recording canvas, in the order the page made it. */
export type CanvasCall = { name: string; args: unknown[] };

/** A picture the page asked the canvas to load: it loads only if its URL really serves an image. */
export interface RecordedImage {
  src: string;
  bytes: Buffer | null;
}

/**
 * The simulator has no canvas: a recording stand-in for `<canvas type="2d">`'s node. It keeps every
 * 2d call with its arguments and the state at the time (fillStyle, font), and loads images over HTTP
 * (an image whose URL does not answer 200 fails, as on a phone).
 */
export class RecordingCanvas {
  width = 300;
  height = 150;
  readonly calls: CanvasCall[] = [];
  readonly images: RecordedImage[] = [];
  private readonly state = { fillStyle: '#000000', font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic' };

  getContext(kind: string): unknown {
    if (kind !== '2d') throw new Error(`unsupported context ${kind}`);
    const record = (name: string) => (...args: unknown[]) => {
      this.calls.push({ name, args: name === 'fillText' ? [...args, { ...this.state }] : args });
    };
    const context: Record<string, unknown> = {};
    for (const name of ['scale', 'save', 'restore', 'beginPath', 'arc', 'moveTo', 'arcTo', 'closePath', 'clip', 'fill', 'fillRect', 'fillText', 'drawImage']) context[name] = record(name);
    for (const key of Object.keys(this.state) as Array<keyof typeof this.state>) {
      Object.defineProperty(context, key, { get: () => this.state[key], set: (value: string) => (this.state[key] = value) });
    }
    return context;
  }

  createImage(): { src: string; onload: (() => void) | null; onerror: ((e: unknown) => void) | null } {
    const loaded = this.images;
    const image = {
      onload: null as (() => void) | null,
      onerror: null as ((e: unknown) => void) | null,
      recorded: { src: '', bytes: null } as RecordedImage,
      get src() {
        return image.recorded.src;
      },
      set src(url: string) {
        image.recorded = { src: url, bytes: null };
        loaded.push(image.recorded);
        fetchBytes(url).then(
          (bytes) => {
            image.recorded.bytes = bytes;
            image.onload?.();
          },
          (error: unknown) => image.onerror?.(error),
        );
      },
    };
    return image;
  }

  /** The texts drawn, in order. */
  texts(): string[] {
    return this.calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
  }
}

/** Loads an http image the way the device would (the pictures' tape canvas uses it too). */
export function fetchBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (!/^http:\/\//.test(url)) return reject(new Error(`cannot load ${url}`));
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => ((response.statusCode ?? 500) === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`image ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** Gives a rendered page's `createSelectorQuery().select('#id').fields({ node }).exec()` this canvas as the node. */
export function provideCanvas(instance: object, canvas: object): void {
  Object.assign(instance, {
    createSelectorQuery: () => ({
      select: () => ({
        fields: () => ({
          exec: (callback: (res: Array<{ node: object; width: number; height: number }>) => void) => setTimeout(() => callback([{ node: canvas, width: 375, height: 600 }]), 0),
        }),
      }),
    }),
  });
}
