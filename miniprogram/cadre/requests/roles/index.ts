import type { OrgNode } from '../../../../server/contracts/account';
import type { CadreRole } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { orgChoices } from '../../../services/orgChoices';

/** An admin grants or revokes the cadre role for an organisation; the server audits each change. Revoking asks first. */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    roles: [] as CadreRole[],
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    openid: '',
    busy: false,
    notice: '',
    error: '',
    revoking: null as { openid: string; orgId: string } | null,
    dialog: closedDialog,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const [roles, orgs] = await Promise.all([api.requests.listCadres({}), api.account.listOrgs({})]);
      if (orgs.ok) {
        const choices = orgChoices(orgs.data.orgs);
        this.setData({ orgs: choices.orgs, orgNames: choices.names });
      }
      if (roles.ok) this.setData({ loading: false, roles: roles.data.roles, error: '' });
      else this.setData({ loading: false, error: roles.message });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    onOpenidChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ openid: event.detail.value.trim() });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value) });
    },
    async onGrant() {
      const org = this.data.orgs[this.data.orgIndex];
      if (!this.data.openid || !org) return showToast(this, '请填写用户标识并选择工会组织', 'warning');
      this.setData({ busy: true, notice: '' });
      const result = await api.requests.grantCadre({ openid: this.data.openid, orgId: org.id });
      if (!result.ok) {
        this.setData({ busy: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ busy: false, roles: result.data.roles, openid: '', notice: '已授权' });
      showToast(this, '已授权', 'success');
    },
    onRevoke(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { openid: string; org: string; orgName: string }>) {
      const { openid, org, orgName } = event.currentTarget.dataset;
      this.setData({ revoking: { openid, orgId: org }, ...askDialog('revoke', '撤销工会干部角色?', `${openid} 将不能再受理${orgName}及下级工会的诉求。需要时可以重新授权。`, '撤销') });
    },
    async onDialogConfirm() {
      const target = this.data.revoking;
      this.setData({ dialog: closedDialog, revoking: null });
      if (!target || this.data.busy) return;
      this.setData({ busy: true, notice: '' });
      const result = await api.requests.revokeCadre(target);
      if (!result.ok) {
        this.setData({ busy: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ busy: false, roles: result.data.roles, notice: '已撤销' });
      showToast(this, '已撤销', 'success');
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog, revoking: null });
    },
  },
});
