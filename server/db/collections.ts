/** Collection names, in one place (declared with their indexes in database/collections.json). */
export const collections = {
  users: 'users',
  orgs: 'orgs',
  roles: 'roles',
  joinRequests: 'org_join_requests',
  auditLog: 'audit_log',
  /** Subscription quota per person and template. */
  subscriptions: 'subscriptions',
  /** The 消息 centre. */
  messages: 'messages',
} as const;
