/** The 不通过 dialog's state: which reflection, the reason typed so far, and what is wrong with it. */
export interface Rejection {
  visible: boolean;
  id: string;
  /** 《story》· author, so the cadre sees which one they are rejecting. */
  about: string;
  reason: string;
  error: string;
  confirm: { content: string; loading: boolean };
}

export const closedRejection: Rejection = { visible: false, id: '', about: '', reason: '', error: '', confirm: { content: '不通过', loading: false } };

/** The bounds of moderateReflection's reason (the server checks them again, and the words). */
export const REASON_MIN = 2;
export const REASON_MAX = 100;

/** Common reasons a cadre can pick and then edit. */
export const REASON_PRESETS = ['与故事内容无关', '内容空泛,请写出真实体会', '含有不文明用语', '重复提交'];

/** What is wrong with a (trimmed) reason, or '' when it may be sent. */
export function reasonProblem(reason: string): string {
  if (reason.length < REASON_MIN) return `请写明不通过的理由(至少 ${REASON_MIN} 个字),作者会看到`;
  if (reason.length > REASON_MAX) return `不通过的理由最多 ${REASON_MAX} 个字`;
  return '';
}
