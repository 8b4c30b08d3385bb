import type { Examined } from './costModel';

/** What database work cost, as production would bill it in time: round trips, keys and documents examined, documents written. */
export interface DbCost {
  roundTrips: number;
  keysExamined: number;
  docsExamined: number;
  docsWritten: number;
  /** Round trips by action name ('database.getDocument', …). */
  byAction: Record<string, number>;
}

/** One function call's database work (calls it makes to other functions count separately). */
export interface CallCost extends DbCost {
  function: string;
  /** The router action (`data.action`) when the call named one. */
  action?: string;
  openid: string;
}

export interface CallInfo {
  function: string;
  action?: string;
  openid: string;
}

/** Written documents are tallied one by one up to this many distinct documents (tests and the bench stay far below). */
const MAX_TRACKED_WRITES = 200_000;

export function emptyCost(): DbCost {
  return { roundTrips: 0, keysExamined: 0, docsExamined: 0, docsWritten: 0, byAction: {} };
}

function add(cost: DbCost, action: string, examined: Examined, written: number): void {
  cost.roundTrips += 1;
  cost.keysExamined += examined.keys;
  cost.docsExamined += examined.docs;
  cost.docsWritten += written;
  cost.byAction[action] = (cost.byAction[action] ?? 0) + 1;
}

/**
 * Totals since the last reset, for the whole local cloud and per function call (a call is
 * recognised by the session token the SDK sends with each of its requests).
 */
export class CostLedger {
  private total = emptyCost();
  private readonly calls = new Map<string, CallCost>();
  private readonly writes = new Map<string, number>();

  record(call: { token: string; info: CallInfo } | undefined, action: string, examined: Examined, written: ReadonlyArray<{ collection: string; key: string }>): void {
    add(this.total, action, examined, written.length);
    if (call) {
      let cost = this.calls.get(call.token);
      if (!cost) this.calls.set(call.token, (cost = { ...emptyCost(), ...call.info }));
      add(cost, action, examined, written.length);
    }
    for (const { collection, key } of written) {
      const id = `${collection}/${key}`;
      const seen = this.writes.get(id);
      if (seen !== undefined) this.writes.set(id, seen + 1);
      else if (this.writes.size < MAX_TRACKED_WRITES) this.writes.set(id, 1);
    }
  }

  totals(): DbCost {
    return structuredClone(this.total);
  }

  /** Calls that reached the database since the reset, in the order of their first request. */
  callCosts(): CallCost[] {
    return [...this.calls.values()].map((cost) => structuredClone(cost));
  }

  /** The most written documents since the reset, most first. */
  hottest(limit: number): Array<{ document: string; writes: number }> {
    return [...this.writes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([document, writes]) => ({ document, writes }));
  }

  reset(): void {
    this.total = emptyCost();
    this.calls.clear();
    this.writes.clear();
  }
}
