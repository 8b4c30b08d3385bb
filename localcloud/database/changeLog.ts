import type { Doc } from '../store/bsonValues';

/** One document changed by a commit: `before` undefined means it was created, `after` null removed. */
export interface LoggedChange {
  readonly version: number;
  readonly collection: string;
  readonly key: string;
  readonly before: Doc | undefined;
  readonly after: Doc | null;
}

const changeKey = (collection: string, key: string): string => `${collection}\u0000${key}`;

/**
 * The commits made while transactions are open, oldest first, with each document's image before
 * the change. A transaction reads its snapshot through it (the first change after the snapshot
 * holds the document as the snapshot saw it) and validates its reads against it at commit.
 * Entries no open transaction can need are dropped, so the log is empty when none is open.
 */
export class ChangeLog {
  private readonly entries: LoggedChange[] = [];
  private readonly byKey = new Map<string, LoggedChange[]>();

  append(change: LoggedChange): void {
    this.entries.push(change);
    const id = changeKey(change.collection, change.key);
    const list = this.byKey.get(id);
    if (list) list.push(change);
    else this.byKey.set(id, [change]);
  }

  /** The first change of the document after `version`, if any. */
  firstChangeAfter(collection: string, key: string, version: number): LoggedChange | undefined {
    return this.byKey.get(changeKey(collection, key))?.find((change) => change.version > version);
  }

  /** Every change after `version`, newest first. */
  *changesAfter(version: number): Iterable<LoggedChange> {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const change = this.entries[i] as LoggedChange;
      if (change.version <= version) return;
      yield change;
    }
  }

  /** Drops every change at or before `version`. */
  pruneThrough(version: number): void {
    let drop = 0;
    while (drop < this.entries.length && (this.entries[drop] as LoggedChange).version <= version) {
      const change = this.entries[drop] as LoggedChange;
      const id = changeKey(change.collection, change.key);
      const list = this.byKey.get(id);
      list?.shift();
      if (list && list.length === 0) this.byKey.delete(id);
      drop += 1;
    }
    if (drop > 0) this.entries.splice(0, drop);
  }

  get size(): number {
    return this.entries.length;
  }
}
