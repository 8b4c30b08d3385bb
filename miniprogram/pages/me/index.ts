import type { OrgNode, Profile } from '../../../server/contracts/account';
import { api } from '../../services/api';
import { orgChoices } from '../../services/orgChoices';

/** 我的: the worker's nickname and union organisation (used by the leaderboards and requests). */
Component({
  data: {
    profile: null as Profile | null,
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    draftNickname: '',
    isCadre: false,
    saving: false,
    saved: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const [profile, orgs] = await Promise.all([api.account.getProfile({}), api.account.listOrgs({})]);
      if (!profile.ok) return this.setData({ error: profile.message });
      if (!orgs.ok) return this.setData({ error: orgs.message });
      const choices = orgChoices(orgs.data.orgs);
      this.setData({
        profile: profile.data,
        orgs: choices.orgs,
        orgNames: choices.names,
        orgIndex: choices.orgs.findIndex((o) => o.id === profile.data.orgId),
        draftNickname: profile.data.nickname,
        isCadre: profile.data.roles.some((r) => r.role === 'cadre' || r.role === 'admin'),
        error: '',
      });
    },
    onNicknameChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ draftNickname: event.detail.value, saved: false });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value), saved: false });
    },
    async onSave() {
      const org = this.data.orgs[this.data.orgIndex];
      this.setData({ saving: true, error: '', saved: false });
      const result = await api.account.updateProfile({
        nickname: this.data.draftNickname,
        ...(org ? { orgId: org.id } : {}),
      });
      if (result.ok) this.setData({ saving: false, saved: true, profile: result.data, draftNickname: result.data.nickname });
      else this.setData({ saving: false, error: result.message });
    },
  },
});
