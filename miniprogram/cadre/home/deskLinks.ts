/** The cadre desks, grouped by the product's three jobs; role management is for admins only. */
export function deskGroups(isAdmin: boolean): Array<{ title: string; links: Array<{ title: string; url: string }> }> {
  return [
    {
      title: '我为职工群众办实事',
      links: [
        { title: '诉求办理', url: '/cadre/requests/queue/index' },
        { title: '办理统计', url: '/cadre/requests/dashboard/index' },
        ...(isAdmin ? [{ title: '干部权限管理', url: '/cadre/requests/roles/index' }] : []),
      ],
    },
    { title: '四史学习', links: [{ title: '竞赛管理', url: '/cadre/contests/index' }] },
    {
      title: '红色故事',
      links: [
        { title: '读后感审核', url: '/cadre/reading/moderation/index' },
        { title: '故事管理', url: '/cadre/reading/stories/index' },
      ],
    },
  ];
}
