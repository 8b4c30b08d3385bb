import type { LoginStatus } from '../../contracts/console';
import type { LoginDoc } from '../../db/console/consoleStore';

/** A waiting or confirmed login past its expiry reads as expired. */
export function loginStatusAt(login: LoginDoc, now: Date): LoginStatus {
  if ((login.status === 'waiting' || login.status === 'confirmed') && new Date(login.expiresAt).getTime() <= now.getTime()) return 'expired';
  return login.status;
}
