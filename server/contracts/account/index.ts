export { getProfile } from './getProfile';
export { updateProfile } from './updateProfile';
export { listOrgs } from './listOrgs';
export { listPointsHistory, type PointsHistoryEntry, type PointsHistorySource } from './listPointsHistory';
export { requestOrgJoin, listJoinRequests, countJoinRequests, decideJoinRequest, importRoster, type JoinRequestView, type JoinRequestStatus, type PendingJoinRequest } from './membership';
export type { Profile, OrgNode, Role } from './profile';
export { findPeople, listRoles, grantRole, revokeRole, auditLog, type PersonRow, type RoleRow, type AuditRow, type ConsoleRole } from './manageRoles';
export { recordSubscriptions, listMessages, unreadCount, markMessagesRead, type MessageView, type MessageKindView, type SubscribeResult } from './notices';
