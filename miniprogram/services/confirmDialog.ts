import { showToast } from './pageToast';

/**
 * One `<t-dialog class="confirm-dialog">` per page, asked before anything irreversible: the page
 * keeps which action waits for the worker's 确定 in `dialog.action`.
 */
export interface ConfirmDialog {
  visible: boolean;
  title: string;
  content: string;
  /** The confirming button: its text, or the text with a spinner while the confirmed action runs. */
  confirm: string | { content: string; loading: boolean };
  /** The dismissing button; empty for a notice that only needs acknowledging (quiz pages' template reads it). */
  cancel: string;
  action: string;
}

export const closedDialog: ConfirmDialog = { visible: false, title: '', content: '', confirm: '确定', cancel: '取消', action: '' };

/** Opens the dialog for a page that handles 确定 itself (leaving a paper, submitting it). */
export function askDialog(action: string, title: string, content: string, confirm = '确定'): { dialog: ConfirmDialog } {
  return { dialog: { visible: true, title, content, confirm, cancel: '取消', action } };
}

/** The same dialog telling the worker something that needs no choice: one button (a contest ended early). */
export function noticeDialog(action: string, title: string, content: string, confirm = '知道了'): { dialog: ConfirmDialog } {
  return { dialog: { visible: true, title, content, confirm, cancel: '', action } };
}

export type ActionReply<T> = { ok: true; data: T } | { ok: false; message: string };

/** A backend call a page makes on a tap: the call, what the toast says when it went through, and how the page shows the reply. */
export interface PageAction<T> {
  run(): Promise<ActionReply<T>>;
  done: string | ((data: T) => string);
  refresh(data: T): void;
}

/** The same, asked first: the dialog's key (dialog.action), title, text and confirming button. */
export interface ConfirmedAction<T> extends PageAction<T> {
  action: string;
  title: string;
  content: string;
  confirm: string;
}

type ActionData = { dialog: ConfirmDialog; busy: boolean };

interface ActionInstance {
  data: ActionData;
  setData(data: Partial<ActionData>): void;
  selectComponent(selector: string): unknown;
  /** The action waiting for 确定 (functions cannot live in page data). */
  pendingAction?: ConfirmedAction<unknown> | null;
}

const host = (self: unknown) => self as ActionInstance;

async function perform<T>(self: ActionInstance, action: PageAction<T>): Promise<boolean> {
  const reply = await action.run();
  self.setData({ busy: false, dialog: closedDialog });
  if (!reply.ok) {
    showToast(self, reply.message, 'error');
    return false;
  }
  action.refresh(reply.data);
  showToast(self, typeof action.done === 'string' ? action.done : action.done(reply.data), 'success');
  return true;
}

/**
 * Confirm, then act, the same on every page: confirmThenRun() opens the page's
 * `<t-dialog class="confirm-dialog">`; nothing is sent before 确定. On 确定 its button spins while the
 * call runs (`busy` disables the page's buttons), then the dialog closes, the reply refreshes the page
 * and a toast says how it went. runAction() does the same for a move that needs no question.
 * The page's dialog binds bind:confirm="onDialogConfirm" bind:cancel="onDialogCancel".
 */
export const confirmAction = Behavior({
  data: { dialog: closedDialog, busy: false },
  methods: {
    runAction<T>(action: PageAction<T>): Promise<boolean> {
      const self = host(this);
      if (self.data.busy) return Promise.resolve(false);
      self.setData({ busy: true });
      return perform(self, action);
    },
    confirmThenRun<T>(action: ConfirmedAction<T>): void {
      const self = host(this);
      if (self.data.busy) return;
      self.pendingAction = action as ConfirmedAction<unknown>;
      self.setData(askDialog(action.action, action.title, action.content, action.confirm));
    },
    onDialogConfirm(): Promise<boolean> {
      const self = host(this);
      const action = self.pendingAction;
      if (!action || self.data.busy) return Promise.resolve(false);
      self.pendingAction = null;
      self.setData({ busy: true, dialog: { ...self.data.dialog, confirm: { content: action.confirm, loading: true } } });
      return perform(self, action);
    },
    onDialogCancel() {
      const self = host(this);
      // Once 确定 was tapped the call is on its way: the dialog stays until its outcome.
      if (self.data.busy) return;
      self.pendingAction = null;
      self.setData({ dialog: closedDialog });
    },
  },
});
