/** Messages between the function host and its worker threads. */
export interface CallMessage {
  modulePath: string;
  event: unknown;
  context: Record<string, unknown>;
  /** Environment for this call; null removes a variable. */
  env: Record<string, string | null>;
}

export type CallOutcome = { ok: true; resultJson: string | undefined } | { ok: false; message: string; stack?: string };
