/** Collection names, in one place (declared with their indexes in database/collections.json). */
export const collections = {
  users: 'users',
  orgs: 'orgs',
  roles: 'roles',
  joinRequests: 'org_join_requests',
  auditLog: 'audit_log',
} as const;
