import type { Profile } from '../../../server/contracts/account';
import { elderMode } from '../../behaviors/elderMode';
import { orgPicker } from '../../behaviors/orgPicker';
import { api } from '../../services/api';
import { isElderMode, setElderMode } from '../../services/elderMode';
import { showToast } from '../../services/pageToast';
import { ensurePrivacyConsent, openPrivacyContract, privacyState } from '../../services/privacy';
import { refreshUnreadBadge } from '../../services/unreadBadge';
import { orgTree } from '../../services/orgTree';
import { hasDesk } from '../../services/roles';
import { pointsLine, type PointsLine } from './pointsSources';

const historyPage = 10;

/**
 * 我的: avatar, nickname and union (asked for, approved by a cadre), points with their history, the
 * worker's own lists, the cadre desk for cadres, 长辈模式, the privacy guide. The avatar button and
 * the nickname keyboard are privacy-scoped: they appear once the worker has agreed.
 */
Component({
  behaviors: [elderMode, orgPicker],
  data: {
    loading: true,
    profile: null as Profile | null,
    draftNickname: '',
    /** Null until read: the header says — rather than 0 积分 for a worker who has points. */
    totalPoints: null as number | null,
    history: [] as PointsLine[],
    /** Where the next page of the points history starts (null: all shown). */
    historyCursor: null as string | null,
    historyLoading: false,
    isCadre: false,
    unread: 0,
    privacyAgreed: false,
    elder: false,
    saving: false,
    saved: false,
    /** Why the page could not load (the error state with 重新加载); a refused save says so in `error`. */
    loadError: '',
    error: '',
  },
  lifetimes: {
    attached() {
      this.setData({ elder: isElderMode() });
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from the 消息 centre or a request: the unread count may have moved.
      if (!this.data.loading) void this.refreshUnread();
    },
  },
  methods: {
    async refreshUnread() {
      const unread = await refreshUnreadBadge();
      if (unread !== null) this.setData({ unread });
    },
    /** Everything 我的 shows; false when the profile could not be read (what is shown stays). */
    async load(): Promise<boolean> {
      void this.refreshUnread();
      const [profile, orgs, status, history, privacy] = await Promise.all([
        api.account.getProfile({}),
        api.account.listOrgs({}),
        api.quiz.getDailyStatus({}),
        api.account.listPointsHistory({ limit: historyPage }),
        privacyState(),
      ]);
      if (!profile.ok || !orgs.ok) {
        const message = profile.ok ? (orgs.ok ? '' : orgs.message) : profile.message;
        // Shown already (a pull-down): keep it and say so; nothing shown yet: the error state.
        if (this.data.profile) showToast(this, message, 'error');
        this.setData({ loading: false, loadError: this.data.profile ? '' : message });
        return false;
      }
      const wanted = profile.data.joinRequest?.status === 'pending' ? profile.data.joinRequest.orgId : profile.data.orgId;
      this.setData({
        loading: false,
        profile: profile.data,
        orgs: orgs.data.orgs,
        orgOptions: orgTree(orgs.data.orgs),
        orgId: wanted ?? '',
        orgLabel: orgs.data.orgs.find((o) => o.id === wanted)?.name ?? '请选择',
        draftNickname: profile.data.nickname,
        totalPoints: status.ok ? status.data.totalPoints : this.data.totalPoints,
        // A failed read of the ledger keeps what is shown (a pull-down); the points stay as they were.
        history: history.ok ? history.data.entries.map(pointsLine) : this.data.history,
        historyCursor: history.ok ? history.data.nextCursor : this.data.historyCursor,
        isCadre: hasDesk(profile.data.roles),
        privacyAgreed: !privacy.needAuthorization,
        loadError: '',
        error: '',
      });
      return true;
    },
    onRetry() {
      this.setData({ loading: true, loadError: '' });
      return this.load();
    },
    async onPullDownRefresh() {
      const ok = await this.load();
      wx.stopPullDownRefresh();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
    async onMoreHistory() {
      if (!this.data.historyCursor || this.data.historyLoading) return;
      this.setData({ historyLoading: true });
      const page = await api.account.listPointsHistory({ cursor: this.data.historyCursor, limit: historyPage });
      if (!page.ok) {
        this.setData({ historyLoading: false });
        return this.toast(page.message);
      }
      this.setData({ historyLoading: false, history: [...this.data.history, ...page.data.entries.map(pointsLine)], historyCursor: page.data.nextCursor });
    },
    toast(message: string, theme: 'success' | 'error' | 'warning' = 'error') {
      showToast(this, message, theme);
    },
    async onAskPrivacy() {
      const agreed = await ensurePrivacyConsent();
      this.setData({ privacyAgreed: agreed });
    },
    async onChooseAvatar(event: WechatMiniprogram.CustomEvent<{ avatarUrl: string }>) {
      const formOptions = await api.requests.formOptions({});
      if (!formOptions.ok) return this.toast(formOptions.message);
      const extension = /\.[a-z0-9]+$/i.exec(event.detail.avatarUrl)?.[0] ?? '.jpg';
      try {
        // The worker's own upload folder, the one the server accepts files from.
        const uploaded = await wx.cloud.uploadFile({ cloudPath: `${formOptions.data.uploadFolder}avatar-${Date.now()}${extension}`, filePath: event.detail.avatarUrl });
        const result = await api.account.updateProfile({ avatarFileId: uploaded.fileID });
        if (!result.ok) return this.toast(result.message);
        this.setData({ profile: result.data });
        // Shown once WeChat's image check passes (a refused one is cleared).
        this.toast(result.data.avatarPending ? '头像已提交审核,通过后显示' : '头像已更新', 'success');
      } catch (error) {
        console.warn('avatar upload failed', error);
        this.toast('头像上传失败,请重试');
      }
    },
    onNicknameChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ draftNickname: event.detail.value, saved: false });
    },
    orgChosen() {
      return { saved: false };
    },
    async onSave() {
      this.setData({ saving: true, error: '', saved: false });
      const result = await api.account.updateProfile({ nickname: this.data.draftNickname });
      if (!result.ok) {
        this.setData({ saving: false, error: result.message });
        return this.toast(result.message);
      }
      let profile = result.data;
      // The organisation is asked for: a cadre of it approves before it counts.
      const pendingOrg = profile.joinRequest?.status === 'pending' ? profile.joinRequest.orgId : null;
      const orgId = this.data.orgId;
      if (orgId && orgId !== profile.orgId && orgId !== pendingOrg) {
        const asked = await api.account.requestOrgJoin({ orgId });
        if (!asked.ok) {
          this.setData({ saving: false, error: asked.message, profile });
          return this.toast(asked.message);
        }
        profile = { ...profile, joinRequest: asked.data.request };
      }
      this.setData({ saving: false, saved: true, profile, draftNickname: profile.nickname });
      this.toast('已保存', 'success');
    },
    onElderChange(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setElder(event.detail.value);
    },
    /** The same switch for screen readers (t-switch has no accessible name of its own). */
    onElderToggle() {
      this.setElder(!this.data.elder);
    },
    setElder(on: boolean) {
      setElderMode(on);
      this.setData({ elder: on, elderClass: on ? 'elder' : '' });
    },
    onPrivacyGuide() {
      openPrivacyContract();
    },
  },
});
