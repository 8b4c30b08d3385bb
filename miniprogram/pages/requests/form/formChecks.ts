/** The form's inline hints, shown as the worker types; the server validates everything again. */
export interface RequestFormValues {
  categoryIndex: number;
  orgId: string;
  title: string;
  description: string;
  contactName: string;
  contactMobile: string;
}

export type FormErrors = Partial<Record<keyof RequestFormValues, string>>;

const checks: { [K in keyof RequestFormValues]: (value: RequestFormValues[K]) => string } = {
  categoryIndex: (v) => (v < 0 ? '请选择服务类别' : ''),
  orgId: (v) => (v === '' ? '请选择受理的工会组织' : ''),
  title: (v) => (v.trim().length < 2 ? '标题至少 2 个字' : v.trim().length > 40 ? '标题最多 40 个字' : ''),
  description: (v) => (v.trim().length < 5 ? '请把诉求描述得具体一些(至少 5 个字)' : v.trim().length > 1000 ? '描述最多 1000 个字' : ''),
  contactName: (v) => (v.trim().length < 1 ? '请填写联系人' : v.trim().length > 20 ? '联系人最多 20 个字' : ''),
  contactMobile: (v) => (/^1[3-9]\d{9}$/.test(v) ? '' : '请填写 11 位手机号码'),
};

export function checkField<K extends keyof RequestFormValues>(field: K, value: RequestFormValues[K]): string {
  return checks[field](value);
}

export function checkForm(values: RequestFormValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of Object.keys(checks) as Array<keyof RequestFormValues>) {
    const message = checks[field](values[field] as never);
    if (message) errors[field] = message;
  }
  return errors;
}

/** A fresh id per form, so a repeated tap or a retry files the request once. */
export function newClientRequestId(now: number, random: () => number): string {
  return `r${now.toString(36)}${Math.floor(random() * 1e12).toString(36)}`.slice(0, 64);
}
