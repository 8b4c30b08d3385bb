/** Display labels the console shows (the server's keys, the notice's Chinese). */
export const statusOptions = [
  { value: 'submitted', label: '已提交' },
  { value: 'accepted', label: '已受理' },
  { value: 'in_progress', label: '办理中' },
  { value: 'resolved', label: '已办结' },
  { value: 'closed', label: '已关闭' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'declined', label: '不予受理' },
  { value: 'transferred', label: '已转办' },
  { value: 'reopened', label: '重新办理' },
] as const;

export const categoryOptions = [
  { value: 'hardship', label: '困难帮扶·送温暖' },
  { value: 'medicalMutual', label: '职工医疗互保' },
  { value: 'outdoorStation', label: '户外劳动者服务站' },
  { value: 'migrantWages', label: '农民工服务·欠薪' },
  { value: 'legalAid', label: '法律援助·劳动争议' },
  { value: 'joinUnion', label: '申请入会' },
  { value: 'safety', label: '劳动保护·安全生产' },
  { value: 'skills', label: '技能培训·劳动竞赛' },
  { value: 'bargaining', label: '集体协商·劳动关系' },
  { value: 'suggestion', label: '意见建议·其他' },
] as const;

export const followUpOptions = [
  { value: 'satisfied', label: '满意' },
  { value: 'basicallySatisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
  { value: 'unreachable', label: '联系不上' },
] as const;

export const moveLabels: Record<string, string> = { accept: '受理', reply: '回复', start: '开始办理', resolve: '办结', transfer: '转办', decline: '不予受理' };
