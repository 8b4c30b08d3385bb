/** A page's `<t-toast id="t-toast" />`: the outcome of a tap, said briefly (TDesign's toast). */
interface ToastHost {
  selectComponent(selector: string): unknown;
}

type ToastTheme = 'success' | 'error' | 'warning' | 'loading';

export function showToast(page: ToastHost, message: string, theme?: ToastTheme, duration = 2000): void {
  const toast = page.selectComponent('#t-toast') as { show?(options: Record<string, unknown>): void } | null;
  toast?.show?.({ message, ...(theme ? { theme } : {}), duration, direction: 'column' });
}
