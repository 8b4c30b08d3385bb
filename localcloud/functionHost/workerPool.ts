import { Worker } from 'node:worker_threads';
import type { CallMessage, CallOutcome } from './callProtocol';

interface Job {
  readonly call: CallMessage;
  resolve(outcome: CallOutcome): void;
  reject(error: Error): void;
}

interface PooledWorker {
  readonly worker: Worker;
  job?: Job | undefined;
  timer?: NodeJS.Timeout | undefined;
}

export interface WorkerPoolOptions {
  /** The worker's JavaScript (see workerSource.ts). */
  source: string;
  /** The worker's whole environment, fixed for its life. */
  env: Record<string, string>;
  maxWorkers: number;
  timeoutMs: number;
  functionName: string;
}

/**
 * Worker threads for one function, each running one call at a time (as a CloudBase instance does):
 * grown on demand up to `maxWorkers`, then calls wait in order. A worker that crashes or times out
 * is dropped, its call rejected, and a new one started for the next call.
 */
export class WorkerPool {
  private readonly idle: PooledWorker[] = [];
  private readonly all = new Set<PooledWorker>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(call: CallMessage): Promise<CallOutcome> {
    if (this.closed) return Promise.reject(new Error('the local cloud is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ call, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the local cloud is closed'));
    await Promise.all([...this.all].map((pooled) => this.retire(pooled, new Error('the local cloud is closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const pooled = this.idle.pop() ?? (this.all.size < this.options.maxWorkers ? this.spawn() : undefined);
      if (!pooled) return;
      this.assign(pooled, this.queue.shift() as Job);
    }
  }

  private spawn(): PooledWorker {
    const worker = new Worker(this.options.source, { eval: true, env: this.options.env });
    const pooled: PooledWorker = { worker };
    this.all.add(pooled);
    worker.on('message', (outcome: CallOutcome) => this.finish(pooled, outcome));
    worker.on('error', (error) => void this.retire(pooled, error));
    worker.on('exit', (code) => void this.retire(pooled, new Error(`the worker of ${this.options.functionName} exited (code ${code})`)));
    return pooled;
  }

  private assign(pooled: PooledWorker, job: Job): void {
    pooled.job = job;
    pooled.timer = setTimeout(() => {
      void this.retire(pooled, new Error(`${this.options.functionName} timed out after ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
    pooled.worker.postMessage(job.call);
  }

  private finish(pooled: PooledWorker, outcome: CallOutcome): void {
    const job = pooled.job;
    clearTimeout(pooled.timer);
    pooled.job = undefined;
    if (!this.all.has(pooled)) return;
    this.idle.push(pooled);
    job?.resolve(outcome);
    this.dispatch();
  }

  /** Drops a worker for good, failing its call; the next call gets a fresh worker. */
  private async retire(pooled: PooledWorker, reason: Error): Promise<void> {
    const job = pooled.job;
    clearTimeout(pooled.timer);
    pooled.job = undefined;
    if (!this.all.delete(pooled)) return;
    const idleAt = this.idle.indexOf(pooled);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    job?.reject(reason);
    await pooled.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
