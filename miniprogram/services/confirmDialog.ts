/**
 * One `<t-dialog class="confirm-dialog">` per page, asked before anything irreversible: the page
 * keeps which action waits for the worker's 确定 in `dialog.action`.
 */
export interface ConfirmDialog {
  visible: boolean;
  title: string;
  content: string;
  confirm: string;
  action: string;
}

export const closedDialog: ConfirmDialog = { visible: false, title: '', content: '', confirm: '确定', action: '' };

export function askDialog(action: string, title: string, content: string, confirm = '确定'): { dialog: ConfirmDialog } {
  return { dialog: { visible: true, title, content, confirm, action } };
}
