/**
 * An error the local cloud answers with, in the shape the server SDK turns into a rejected promise:
 * `{ code, message }` in an HTTP 200 reply (the SDK's request layer throws when `code` is set).
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** CloudBase's own wording, so code that matches on it behaves as in production. */
export function collectionNotFound(name: string): CloudError {
  return new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

export function invalidParam(message: string): CloudError {
  return new CloudError('INVALID_PARAM', message);
}
