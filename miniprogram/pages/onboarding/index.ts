import type { Profile } from '../../../server/contracts/account';
import { elderMode } from '../../behaviors/elderMode';
import { orgPicker } from '../../behaviors/orgPicker';
import { api } from '../../services/api';
import { finishOnboarding } from '../../services/onboarding';
import { showToast } from '../../services/pageToast';
import { ensurePrivacyConsent, privacyState } from '../../services/privacy';
import { orgTree } from '../../services/orgTree';

const avatarHint = '可选,审核通过后显示给他人';

/**
 * First run: the privacy agreement first (the avatar button and the nickname keyboard appear only
 * after it), then avatar, nickname and the union to ask to join. Everything can be skipped.
 */
Component({
  behaviors: [elderMode, orgPicker],
  data: {
    loading: true,
    error: '',
    profile: null as Profile | null,
    privacyAgreed: false,
    avatarPreview: '',
    avatarNote: avatarHint,
    uploading: false,
    nickname: '',
    saving: false,
    skeletonRows: [{ width: '100%', height: '96rpx' }, { width: '100%', height: '96rpx' }, { width: '100%', height: '96rpx' }],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const [profile, orgs, privacy] = await Promise.all([api.account.getProfile({}), api.account.listOrgs({}), privacyState()]);
      if (!profile.ok || !orgs.ok) {
        const message = !profile.ok ? profile.message : !orgs.ok ? orgs.message : '';
        this.setData({ loading: false, error: message });
        return showToast(this, message, 'error');
      }
      const wanted = profile.data.joinRequest?.status === 'pending' ? profile.data.joinRequest.orgId : profile.data.orgId;
      this.setData({
        loading: false,
        error: '',
        profile: profile.data,
        privacyAgreed: !privacy.needAuthorization,
        nickname: profile.data.nicknameChosen ? profile.data.nickname : '',
        avatarNote: profile.data.avatarPending ? '头像审核中,通过后显示' : avatarHint,
        orgs: orgs.data.orgs,
        orgOptions: orgTree(orgs.data.orgs),
        orgId: wanted ?? '',
        orgLabel: orgs.data.orgs.find((o) => o.id === wanted)?.name ?? '请选择',
      });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async onAskPrivacy() {
      this.setData({ privacyAgreed: await ensurePrivacyConsent() });
    },
    onPrivacyAgreed() {
      this.setData({ privacyAgreed: true });
    },
    async onChooseAvatar(event: WechatMiniprogram.CustomEvent<{ avatarUrl: string }>) {
      if (!this.data.privacyAgreed || this.data.uploading) return;
      const chosen = event.detail.avatarUrl;
      this.setData({ uploading: true });
      try {
        const formOptions = await api.requests.formOptions({});
        if (!formOptions.ok) throw new Error(formOptions.message);
        const extension = /\.[a-z0-9]+$/i.exec(chosen)?.[0] ?? '.jpg';
        // The worker's own upload folder: the only place the server accepts an avatar from.
        const uploaded = await wx.cloud.uploadFile({ cloudPath: `${formOptions.data.uploadFolder}avatar-${Date.now()}${extension}`, filePath: chosen });
        const result = await api.account.updateProfile({ avatarFileId: uploaded.fileID });
        if (!result.ok) {
          this.setData({ uploading: false });
          return showToast(this, result.message, 'error');
        }
        this.setData({ uploading: false, profile: result.data, avatarPreview: chosen, avatarNote: result.data.avatarPending ? '头像审核中,通过后显示' : '头像已设置' });
      } catch (error) {
        console.warn('avatar upload failed', error);
        this.setData({ uploading: false });
        showToast(this, '头像上传失败,请重试', 'error');
      }
    },
    onNicknameChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ nickname: event.detail.value });
    },
    async onFinish() {
      const profile = this.data.profile;
      if (!profile || this.data.saving) return;
      const nickname = this.data.nickname.trim();
      const orgId = this.data.orgId;
      const pendingOrg = profile.joinRequest?.status === 'pending' ? profile.joinRequest.orgId : null;
      const askOrg = orgId !== '' && orgId !== profile.orgId && orgId !== pendingOrg;
      const rename = nickname !== '' && nickname !== profile.nickname;
      if (!rename && !askOrg && !this.data.avatarPreview && !profile.nicknameChosen) {
        return showToast(this, '请设置昵称或选择工会,也可以跳过', 'warning');
      }
      this.setData({ saving: true });
      if (rename) {
        const saved = await api.account.updateProfile({ nickname });
        if (!saved.ok) {
          this.setData({ saving: false });
          return showToast(this, saved.message, 'error');
        }
      }
      if (askOrg) {
        const asked = await api.account.requestOrgJoin({ orgId });
        if (!asked.ok) {
          this.setData({ saving: false });
          return showToast(this, asked.message, 'error');
        }
      }
      finishOnboarding('done');
      this.setData({ saving: false });
      showToast(this, askOrg ? '已保存,入会申请等待工会干部审核' : '已保存', 'success');
      setTimeout(() => this.leave(), 800);
    },
    onSkip() {
      finishOnboarding('skipped');
      this.leave();
    },
    leave() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/study/index' }) });
    },
  },
});
