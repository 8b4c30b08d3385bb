/** The name a worker has until they choose one. */
export const DEFAULT_NICKNAME = '职工';
