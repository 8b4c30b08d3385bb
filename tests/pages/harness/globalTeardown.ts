import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { pageCloud?: { close(): Promise<void> } }).pageCloud?.close();
  if (process.env.PAGE_CLOUD_DATA_DIR) rmSync(process.env.PAGE_CLOUD_DATA_DIR, { recursive: true, force: true });
}
