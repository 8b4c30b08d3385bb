import type { Profile } from '../../contracts/account';
import type { OrgDoc } from '../../db/orgs';
import type { RoleDoc, UserDoc } from '../../db/users';
import { DEFAULT_NICKNAME } from './nicknames';
import type { JoinRequestDoc } from '../../db/joinRequests';
import { joinRequestView } from './membership';

/** What the worker's own profile shows: every worker is a worker; other roles come from the roles collection. */
export function profileView(user: UserDoc, org: OrgDoc | null, roles: RoleDoc[], request: JoinRequestDoc | null = null): Profile {
  return {
    nickname: user.nickname,
    nicknameChosen: user.nickname !== DEFAULT_NICKNAME,
    avatarFileId: user.avatarFileId,
    avatarPending: !!user.pendingAvatarFileId,
    orgId: user.orgId,
    orgName: org?.name ?? null,
    // An approved request is the orgId itself; a pending or declined one is shown until the next.
    joinRequest: request && request.status !== 'approved' ? joinRequestView(request) : null,
    roles: [{ role: 'worker', orgId: null }, ...roles.filter((r) => r.role !== 'worker').map((r) => ({ role: r.role, orgId: r.orgId }))],
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
