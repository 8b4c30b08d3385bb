import { CloudError } from '../cloudError';

/** Which invocation to break, and where. */
export interface FaultSpec {
  /** The function whose next invocation fails. */
  functionName: string;
  /** Only an invocation of this router action (`event.action`); any when omitted. */
  action?: string;
  /** Only an invocation by this user; any when omitted. */
  openid?: string;
  /**
   * The invocation's database request (1-based, every `database.*` request counts, reads and
   * transaction starts and commits included) that fails. It is not applied, nor is any later
   * request of the invocation: the function has died there.
   */
  failAtCall: number;
}

/** What became of an injected fault. */
export interface Fault {
  /** True once an invocation reached the failing call (false: it made fewer database calls). */
  readonly fired: boolean;
  /** Database calls the claimed invocation made before it failed or ended (the failing one included). */
  readonly callsSeen: number;
  /** True once an invocation has claimed the fault (whether or not it fired). */
  readonly claimed: boolean;
}

class ArmedFault implements Fault {
  fired = false;
  callsSeen = 0;
  claimed = false;
  constructor(readonly spec: FaultSpec) {}
}

/** The message of the rejected invocation (as a crash or a timeout would be reported). */
export const FAULT_MESSAGE = 'injected fault: the function died at a database call';

/**
 * Failure injection for convergence tests: the next invocation matching a spec dies at its Nth
 * database call. The call is refused with an error and so is every later one of that invocation,
 * even if the function catches the error, and the invocation then rejects as a crashed function
 * does. Every step before the Nth was applied; nothing after it was.
 */
export class FaultInjector {
  private readonly armed: ArmedFault[] = [];
  private readonly byToken = new Map<string, ArmedFault>();

  arm(spec: FaultSpec): Fault {
    if (!Number.isInteger(spec.failAtCall) || spec.failAtCall < 1) throw new Error('injectFault: failAtCall must be an integer ≥ 1');
    const fault = new ArmedFault(spec);
    this.armed.push(fault);
    return fault;
  }

  /** Binds the first armed fault matching this invocation to it. */
  claim(token: string, functionName: string, action: string | undefined, openid: string): void {
    const index = this.armed.findIndex(
      ({ spec }) => spec.functionName === functionName && (spec.action === undefined || spec.action === action) && (spec.openid === undefined || spec.openid === openid),
    );
    if (index < 0) return;
    const [fault] = this.armed.splice(index, 1) as [ArmedFault];
    fault.claimed = true;
    this.byToken.set(token, fault);
  }

  /** Before a database request of the invocation behind `token`: throws at and after the failing call. */
  beforeDatabaseCall(token: string | undefined): void {
    const fault = token === undefined ? undefined : this.byToken.get(token);
    if (!fault) return;
    if (!fault.fired) {
      fault.callsSeen += 1;
      if (fault.callsSeen < fault.spec.failAtCall) return;
      fault.fired = true;
    }
    throw new CloudError('SYS_ERR', `${FAULT_MESSAGE} (call ${fault.spec.failAtCall} of ${fault.spec.functionName})`);
  }

  /** When the invocation ends: true if its fault fired (the invocation must then fail). */
  release(token: string): boolean {
    const fault = this.byToken.get(token);
    this.byToken.delete(token);
    return fault?.fired ?? false;
  }

  /** Forgets faults no invocation has claimed yet. */
  clear(): void {
    this.armed.length = 0;
  }
}
