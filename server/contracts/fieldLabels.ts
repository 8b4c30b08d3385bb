import type { FieldNames } from './issueMessages';

/**
 * What workers and cadres call the contracts' fields, by field name, for BAD_INPUT answers
 * (server/runtime/describeIssues.ts): 「输入有误(第 3 张照片):…」 instead of `photos.2`. A name
 * means the same in every contract that uses it; a contract whose field means something else
 * names it in its own `labels`. A field named in neither is shown by its path.
 */
export const commonFieldNames: FieldNames = {
  // Paging, which the pages fill in themselves.
  cursor: '翻页位置', after: '翻页位置', before: '翻页位置', limit: '每页条数', pageSize: '每页条数', offset: '阅读位置',
  // People and organisations.
  nickname: '昵称', avatarFileId: '头像', openid: '用户', openids: { name: '用户', item: '位用户' }, assigneeOpenid: '承办人',
  orgId: '组织', orgIds: { name: '组织', item: '个组织' }, toOrgId: '转往的组织', role: '角色', roleId: '授权', approve: '审批结果',
  // Requests.
  requestId: '诉求', category: '诉求类别', title: '标题', description: '诉求描述', place: '地点', contactName: '联系人', contactMobile: '联系电话',
  photos: { name: '照片', item: '张照片' }, note: '说明', reason: '原因', comment: '评价', stars: '评分', outcome: '回访结果', status: '状态', overdue: '超时',
  search: '搜索内容', sort: '排序', mine: '只看我的', weeks: '周数', clientRequestId: '提交编号',
  // The quiz.
  attemptId: '答卷', answers: { name: '答案', item: '题' }, questionId: '题目', choice: '所选答案', contestId: '竞赛', history: '历史', histories: { name: '历史', item: '个历史' },
  questionCount: '题目数量', timeLimitSeconds: '答题时限', startsAt: '开始时间', endsAt: '结束时间', period: '时段', scope: '范围', groupId: '群',
  id: '编号', type: '题型', difficulty: '难度', stem: '题干', options: { name: '选项', item: '个选项' }, answer: '答案', explanation: '解析', source: '出处',
  region: '地区', sealed: '竞赛专用', retired: '停用', format: '文件格式', contentBase64: '文件内容', dryRun: '试导入', reply: '回复', scene: '场景值',
  // Reading.
  storyId: '故事', paragraph: '段落', theme: '主题', era: '时代', year: '年份', summary: '摘要', keywords: { name: '关键词', item: '个关键词' },
  paragraphs: { name: '正文', item: '段' }, sources: { name: '资料来源', item: '条资料来源' }, coverFileId: '封面', audioFileId: '音频', kind: '媒体类型',
  contentType: '文件类型', base64: '文件内容', text: '内容', liked: '点赞', favorited: '收藏', query: '搜索内容', month: '月份', reflectionId: '读后感',
  decision: '审核结果', published: '发布状态',
  // Notices and the console's login.
  messageId: '消息', all: '全部', results: { name: '订阅结果', item: '项订阅' }, templateId: '订阅模板', result: '结果', loginId: '登录码',
};
