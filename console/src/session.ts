import { ref } from 'vue';
import { http, type SessionView } from './api';

/** Who is logged in; null before the first check and after logout. */
export const me = ref<SessionView | null>(null);

export async function loadSession(): Promise<boolean> {
  const reply = await http<SessionView>('GET', '/session');
  me.value = reply.ok ? reply.data : null;
  return reply.ok;
}

export function hasRole(...roles: string[]): boolean {
  return (me.value?.roles ?? []).some((r) => roles.includes(r.role));
}

export async function logout(): Promise<void> {
  await http('POST', '/logout');
  me.value = null;
}
