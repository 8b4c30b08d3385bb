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
        orgIndex: choices.orgs.findIndex((o) => o.id === (profile.data.joinRequest?.status === 'pending' ? profile.data.joinRequest.orgId : profile.data.orgId)),
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
      const result = await api.account.updateProfile({ nickname: this.data.draftNickname });
      if (!result.ok) return this.setData({ saving: false, error: result.message });
      let profile = result.data;
      // The organisation is asked for: a cadre of it approves before it counts.
      const pendingOrg = profile.joinRequest?.status === 'pending' ? profile.joinRequest.orgId : null;
      if (org && org.id !== profile.orgId && org.id !== pendingOrg) {
        const asked = await api.account.requestOrgJoin({ orgId: org.id });
        if (!asked.ok) return this.setData({ saving: false, error: asked.message, profile });
        profile = { ...profile, joinRequest: asked.data.request };
      }
      this.setData({ saving: false, saved: true, profile, draftNickname: profile.nickname });
    },
  },
});
