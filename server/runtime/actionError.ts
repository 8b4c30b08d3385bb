import type { ActionContract, ActionErrorCode } from '../contracts/action';

/** Thrown by an action to answer { ok:false, code, message }; nothing it began is kept. */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** A typed helper: only the codes the contract declares (or the common ones) are accepted. */
export function failWith<C extends ActionContract>(_contract: C, code: ActionErrorCode<C>, message: string): ActionError {
  return new ActionError(code, message);
}
