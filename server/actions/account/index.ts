export { getProfile } from './getProfile';
export { updateProfile } from './updateProfile';
export { listOrgs } from './listOrgs';
export { listPointsHistory } from './listPointsHistory';
export { requestOrgJoin } from './requestOrgJoin';
export { listJoinRequests } from './listJoinRequests';
export { decideJoinRequest } from './decideJoinRequest';
export { importRoster } from './importRoster';
export { findPeople, listRoles, grantRole, revokeRole, auditLog } from './manageRoles';
