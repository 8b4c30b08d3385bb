type CloudCall = (options: { name: string; data: unknown }) => Promise<{ result: unknown }>;

/**
 * An action called as the acting worker (actAs), through the wx.cloud the pages use at that moment
 * (a test may have swapped it): its data, or the refusal thrown with the action's name.
 */
export async function callAction<T>(name: string, action: string, input: unknown): Promise<T> {
  const wx = (globalThis as unknown as { wx: { cloud: { callFunction: CloudCall } } }).wx;
  const { result } = await wx.cloud.callFunction({ name, data: { action, input } });
  const reply = result as { ok: boolean; data: T; message?: string };
  if (!reply.ok) throw new Error(`${name}.${action}: ${reply.message ?? ''}`);
  return reply.data;
}
