import type { OrgNode } from '../../../../server/contracts/account';
import type { RequestDetail } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';
import { statusTagTheme, type TagTheme } from '../../../services/requestStatusTags';
import { orgChoices } from '../../../services/orgChoices';

type Reply = { ok: true; data: RequestDetail } | { ok: false; message: string };
type Move = 'accept' | 'start' | 'reply' | 'resolve' | 'decline' | 'transfer';

/** What each move says when it went through. */
const doneMessages: Record<Move, string> = { accept: '已受理', start: '已开始办理', reply: '已回复职工', resolve: '已办结并答复', decline: '已不予受理', transfer: '已转办' };

/**
 * A cadre's request: the full contact number (audited), the deadline running now, the timeline,
 * and the moves allowed now. Declining and transferring take it out of this desk: both ask first.
 */
Component({
  behaviors: [elderMode],
  properties: {
    requestId: { type: String, value: '' },
  },
  data: {
    loading: true,
    request: null as RequestDetail | null,
    tagTheme: 'default' as TagTheme,
    can: {} as AllowedMoves,
    note: '',
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    busy: false,
    error: '',
    dialog: closedDialog,
  },
  lifetimes: {
    attached() {
      if (this.data.requestId) void this.load();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.requestId && !this.data.request) {
        this.setData({ requestId: query.requestId });
        void this.load();
      }
    },
    show(request: RequestDetail) {
      // Keep the full number the detail view returned; action replies carry it masked.
      const contactMobile = this.data.request?.contactMobile ?? request.contactMobile;
      this.setData({ loading: false, request: { ...request, contactMobile }, tagTheme: statusTagTheme(request.status), can: allowedMoves(request.actions), busy: false, error: '', note: '' });
    },
    async load() {
      const [result, orgs] = await Promise.all([api.requests.cadreDetail({ requestId: this.data.requestId }), api.account.listOrgs({})]);
      if (orgs.ok) {
        const choices = orgChoices(orgs.data.orgs);
        this.setData({ orgs: choices.orgs, orgNames: choices.names });
      }
      if (result.ok) this.show(result.data);
      else this.setData({ loading: false, error: result.message });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    async onPullDownRefresh() {
      // A fresh read shows the full number again (action replies carry it masked).
      this.setData({ request: null, loading: true });
      await this.load();
      wx.stopPullDownRefresh();
    },
    async run(move: Move, call: () => Promise<Reply>) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const result = await call();
      if (!result.ok) {
        this.setData({ busy: false });
        return showToast(this, result.message, 'error');
      }
      this.show(result.data);
      showToast(this, doneMessages[move], 'success');
    },
    onPreview(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url: string }>) {
      if (this.data.request) wx.previewImage({ urls: this.data.request.photos, current: event.currentTarget.dataset.url });
    },
    onCall() {
      if (this.data.request) wx.makePhoneCall({ phoneNumber: this.data.request.contactMobile, fail: () => undefined });
    },
    onNoteChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value) });
    },
    onAccept() {
      return this.run('accept', () => api.requests.accept({ requestId: this.data.requestId, note: this.data.note }));
    },
    onStart() {
      return this.run('start', () => api.requests.start({ requestId: this.data.requestId, note: this.data.note }));
    },
    onReply() {
      return this.run('reply', () => api.requests.reply({ requestId: this.data.requestId, note: this.data.note }));
    },
    onResolve() {
      return this.run('resolve', () => api.requests.resolve({ requestId: this.data.requestId, note: this.data.note }));
    },
    onDecline() {
      if (this.data.note.trim() === '') return showToast(this, '请先在说明里写明不予受理的原因', 'warning');
      this.setData(askDialog('decline', '不予受理?', `职工将收到「不予受理」和您写的原因:${this.data.note.trim()}。此后诉求结束,不能恢复。`, '不予受理'));
      return undefined;
    },
    onTransfer() {
      const target = this.data.orgs[this.data.orgIndex];
      if (!target) return showToast(this, '请选择转办的工会组织', 'warning');
      this.setData(askDialog('transfer', `转办至${target.name}?`, '转办后诉求离开本单位的受理队列,由对方重新计算时限办理。', '转办'));
      return undefined;
    },
    onDialogConfirm() {
      const action = this.data.dialog.action;
      this.setData({ dialog: closedDialog });
      if (action === 'decline') return this.run('decline', () => api.requests.decline({ requestId: this.data.requestId, note: this.data.note }));
      const target = this.data.orgs[this.data.orgIndex];
      if (action === 'transfer' && target) return this.run('transfer', () => api.requests.transfer({ requestId: this.data.requestId, toOrgId: target.id, note: this.data.note }));
      return undefined;
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog });
    },
  },
});
