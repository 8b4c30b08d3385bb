/**
 * Runs one cloud function call at a time inside a worker thread. The server SDK reads the caller's
 * identity only from process.env (getWXContext takes no argument), and each worker thread has its
 * own copy of process.env: so the call's context is written there before `main` runs, and calls
 * never overlap within a worker. Plain Node code: the host builds this file with esbuild.
 */
import { parentPort } from 'node:worker_threads';
import type { CallMessage, CallOutcome } from './callProtocol';

type FunctionModule = { main?: (event: unknown, context: unknown) => unknown };

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return error.stack ? { message: error.message, stack: error.stack } : { message: error.message };
  if (typeof error === 'string') return { message: error };
  try {
    return { message: JSON.stringify(error) };
  } catch {
    return { message: String(error) };
  }
}

async function run(call: CallMessage): Promise<CallOutcome> {
  for (const [key, value] of Object.entries(call.env)) {
    if (value === null) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- functions are CommonJS modules loaded by path
    const loaded = require(call.modulePath) as FunctionModule;
    if (typeof loaded.main !== 'function') throw new Error(`${call.modulePath} does not export main(event, context)`);
    const result = await loaded.main(call.event, call.context);
    // The result travels as JSON, as it does from CloudBase to the caller.
    return { ok: true, resultJson: result === undefined ? undefined : JSON.stringify(result) };
  } catch (error) {
    return { ok: false, ...describe(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (call: CallMessage) => {
    void run(call).then((outcome) => port.postMessage(outcome));
  });
}
