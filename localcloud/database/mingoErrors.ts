import { CloudError } from '../cloudError';

/**
 * Runs a mingo evaluation and turns its errors into CloudBase replies: an unknown operator is
 * DATABASE_INVALID_OPERRATOR (sic, CloudBase's spelling), anything else a failed request.
 */
export function evaluate<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CloudError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const code = /unknown .*operator|unregistered .*operator/i.test(message) ? 'DATABASE_INVALID_OPERRATOR' : 'DATABASE_REQUEST_FAILED';
    throw new CloudError(code, message);
  }
}
