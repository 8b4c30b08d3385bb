import { header, type HttpEvent } from './httpEvent';

/**
 * The caller's address as the gateway saw the connection: CloudBase's HTTP access (Tencent Cloud's
 * gateway) writes it into x-real-ip, replacing any copy the client sent, and appends it as the last
 * entry of x-forwarded-for. Earlier x-forwarded-for entries come from the client and are never used.
 */
export function clientAddress(event: HttpEvent): string {
  const real = header(event, 'x-real-ip')?.trim();
  if (real) return real;
  const last = header(event, 'x-forwarded-for')?.split(',').pop()?.trim();
  return last || 'unknown';
}
