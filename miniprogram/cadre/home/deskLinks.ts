/** What a desk user holds, as the server counts it (an admin does everything within their organisations). */
export interface DeskRoles {
  isAdmin: boolean;
  isCadre: boolean;
  isEditor: boolean;
}

type DeskLink = { title: string; url: string; note?: string };
type DeskGroup = { title: string; links: DeskLink[] };

/** The queue of requests to join the cadre's organisations. */
export const membershipUrl = '/cadre/membership/index';

/**
 * The desks, grouped by the product's three jobs, each shown only to the roles its actions accept
 * (requests, membership and contests: cadres; stories: editors; reflections: both), so nobody is sent to a page
 * that answers 无权限. The server checks again on every action.
 */
export function deskGroups(roles: DeskRoles): DeskGroup[] {
  const cadre = roles.isCadre || roles.isAdmin;
  const editor = roles.isEditor || roles.isAdmin;
  const groups: DeskGroup[] = [];
  if (cadre) {
    groups.push({
      title: '我为职工群众办实事',
      links: [
        { title: '诉求办理', url: '/cadre/requests/queue/index' },
        { title: '办理统计', url: '/cadre/requests/dashboard/index' },
        ...(roles.isAdmin ? [{ title: '干部权限管理', url: '/cadre/requests/roles/index' }] : []),
      ],
    });
    groups.push({ title: '工会会员', links: [{ title: '入会审核', url: membershipUrl }] });
    groups.push({ title: '四史学习', links: [{ title: '竞赛管理', url: '/cadre/contests/index' }] });
  }
  if (cadre || editor) {
    groups.push({
      title: '红色故事',
      links: [
        { title: '读后感审核', url: '/cadre/reading/moderation/index' },
        ...(editor ? [{ title: '故事管理', url: '/cadre/reading/stories/index' }] : []),
      ],
    });
  }
  return groups;
}

export function deskRoles(roles: string[]): DeskRoles {
  return { isAdmin: roles.includes('admin'), isCadre: roles.includes('cadre'), isEditor: roles.includes('editor') };
}

/** The groups with the number of requests waiting beside 入会审核 (nothing when none wait). */
export function withPendingJoins(groups: DeskGroup[], pending: number): DeskGroup[] {
  return groups.map((g) => ({ ...g, links: g.links.map((l) => (l.url === membershipUrl ? { ...l, note: pending > 0 ? `${pending} 条待审核` : '' } : l)) }));
}
