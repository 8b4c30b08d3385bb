import type { CadreRole } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { orgPicker } from '../../../behaviors/orgPicker';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { confirmAction } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { orgTree } from '../../../services/orgTree';

const pageSize = 20;

/** A role as a row: `key` is unique (one person may be a cadre of several organisations). */
type RoleRow = CadreRole & { key: string };

/**
 * An admin grants or revokes the cadre role for an organisation; the server audits each change.
 * Revoking asks first. The roles come newest grant first, a page at a time (the next page loads at
 * the bottom), so a new grant shows at the top once the list is refreshed.
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction, orgPicker],
  data: {
    items: [] as RoleRow[],
    openid: '',
    notice: '',
  },
  lifetimes: {
    attached() {
      void this.refresh();
      void this.loadOrgs();
    },
  },
  methods: {
    async loadOrgs() {
      const orgs = await api.account.listOrgs({});
      if (!orgs.ok) return;
      this.setData({ orgs: orgs.data.orgs, orgOptions: orgTree(orgs.data.orgs) });
    },
    async fetchPage(cursor: string | null): Promise<ListReply<RoleRow>> {
      const result = await api.requests.listCadres({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      if (!result.ok) return result;
      return { ok: true, page: { items: result.data.roles.map((r) => ({ ...r, key: `${r.orgId}|${r.openid}` })), next: result.data.nextCursor } };
    },
    onOpenidChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ openid: event.detail.value.trim() });
    },
    onGrant() {
      const org = this.data.orgs.find((o) => o.id === this.data.orgId);
      if (!this.data.openid || !org) return showToast(this, '请填写用户标识并选择工会组织', 'warning');
      this.setData({ notice: '' });
      void this.runAction({
        run: () => api.requests.grantCadre({ openid: this.data.openid, orgId: org.id }),
        done: '已授权',
        refresh: () => {
          this.setData({ openid: '', notice: '已授权' });
          // The newest grant is the first row of the first page.
          void this.refresh();
        },
      });
    },
    onRevoke(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { openid: string; org: string; orgName: string }>) {
      const { openid, org, orgName } = event.currentTarget.dataset;
      this.setData({ notice: '' });
      this.confirmThenRun({
        action: 'revoke', title: '撤销工会干部角色?', content: `${openid} 将不能再受理${orgName}及下级工会的诉求。需要时可以重新授权。`, confirm: '撤销',
        run: () => api.requests.revokeCadre({ openid, orgId: org }),
        done: '已撤销',
        // Only this row goes: the pages after it keep their place.
        refresh: () => {
          const items = this.data.items.filter((r) => r.openid !== openid || r.orgId !== org);
          this.setData({ items, notice: '已撤销' });
          if (items.length === 0 && this.data.nextCursor) void this.refresh();
        },
      });
    },
  },
});
