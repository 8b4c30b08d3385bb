import { requestCategories } from '../../contracts/requests/categories';
import type { RequestDoc } from '../../db/requests/requestStore';
import { maskPhone } from './maskPhone';
import { statusLabels } from './requestStatusMachine';
import type { OrgNames } from './requestViews';

export const exportColumns = ['编号', '提交时间', '类别', '标题', '状态', '工会组织', '联系人', '手机号', '受理时限', '办结时限', '是否超时', '评价'] as const;

const shanghai = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** One spreadsheet row per request; the phone stays masked outside the detail view. */
export function exportRow(doc: RequestDoc, orgNames: OrgNames): string[] {
  return [
    doc._id,
    shanghai(doc.createdAt),
    requestCategories[doc.category],
    doc.title,
    statusLabels[doc.status],
    orgNames.get(doc.orgId) ?? doc.orgId,
    doc.contactName,
    maskPhone(doc.contactMobile),
    shanghai(doc.acceptDueAt),
    shanghai(doc.resolveDueAt),
    doc.overdue ? '是' : '否',
    doc.rating === null ? '' : String(doc.rating),
  ];
}
