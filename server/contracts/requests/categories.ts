/** The request categories the notice lists, in its order (stored as these keys; labels are for display). */
export const requestCategories = {
  hardship: '困难帮扶·送温暖',
  medicalMutual: '职工医疗互保',
  outdoorStation: '户外劳动者服务站',
  migrantWages: '农民工服务·欠薪',
  legalAid: '法律援助·劳动争议',
  joinUnion: '申请入会',
  safety: '劳动保护·安全生产',
  skills: '技能培训·劳动竞赛',
  bargaining: '集体协商·劳动关系',
  suggestion: '意见建议·其他',
} as const;

export type RequestCategory = keyof typeof requestCategories;
export const requestCategoryKeys = Object.keys(requestCategories) as [RequestCategory, ...RequestCategory[]];
