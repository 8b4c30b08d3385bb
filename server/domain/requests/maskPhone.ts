/** 13812341234 → 138****1234: the full number is shown only to a cadre of the request's organisation. */
export function maskPhone(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '***';
}
