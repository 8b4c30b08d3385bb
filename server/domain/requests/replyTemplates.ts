/** The desk's reply templates: a starting text the cadre edits before sending (never sent as is). */
export const replyTemplates: Array<{ key: string; title: string; text: string; for: Array<'reply' | 'resolve' | 'decline' | 'transfer'> }> = [
  { key: 'received', title: '已收到,正在核实', text: '您的诉求我们已收到,正在联系相关单位核实情况,有进展会第一时间告知您。', for: ['reply'] },
  { key: 'needInfo', title: '请补充材料', text: '为尽快办理,请补充以下材料:', for: ['reply'] },
  { key: 'wagesPaid', title: '欠薪已追回', text: '经协调,用人单位已将拖欠工资足额发放。如仍有问题,请随时联系我们。', for: ['resolve'] },
  { key: 'legalAid', title: '已安排法律援助', text: '已为您安排工会法律援助律师,律师将在 3 个工作日内与您联系。', for: ['resolve', 'reply'] },
  { key: 'hardship', title: '帮扶已发放', text: '经审核,您符合困难职工帮扶条件,帮扶资金已发放,请注意查收。', for: ['resolve'] },
  { key: 'outOfScope', title: '不属于工会受理范围', text: '您反映的问题不属于工会受理范围,建议您向以下部门反映:', for: ['decline'] },
  { key: 'transferLocal', title: '转属地工会办理', text: '您的诉求涉及属地单位,已转交当地工会办理。', for: ['transfer'] },
];
