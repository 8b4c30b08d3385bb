import type { OrgNode } from '../../../../server/contracts/account';
import type { CadreRole } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { orgChoices } from '../../../services/orgChoices';
import { elderMode } from '../../../behaviors/elderMode';

/** An admin grants or revokes the cadre role for an organisation; the server audits each change. */
Component({
  behaviors: [elderMode],
  data: {
    roles: [] as CadreRole[],
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    openid: '',
    busy: false,
    notice: '',
    error: '',
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
      if (roles.ok) this.setData({ roles: roles.data.roles, error: '' });
      else this.setData({ error: roles.message });
    },
    onOpenidChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ openid: event.detail.value.trim() });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value) });
    },
    async onGrant() {
      const org = this.data.orgs[this.data.orgIndex];
      if (!this.data.openid || !org) return this.setData({ error: '请填写用户标识并选择工会组织' });
      this.setData({ busy: true, error: '', notice: '' });
      const result = await api.requests.grantCadre({ openid: this.data.openid, orgId: org.id });
      if (result.ok) this.setData({ busy: false, roles: result.data.roles, openid: '', notice: '已授权' });
      else this.setData({ busy: false, error: result.message });
    },
    async onRevoke(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { openid: string; org: string }>) {
      const { openid, org } = event.currentTarget.dataset;
      this.setData({ busy: true, error: '', notice: '' });
      const result = await api.requests.revokeCadre({ openid, orgId: org });
      if (result.ok) this.setData({ busy: false, roles: result.data.roles, notice: '已撤销' });
      else this.setData({ busy: false, error: result.message });
    },
  },
});
