import type { RequestDetail } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { orgPicker } from '../../../behaviors/orgPicker';
import { api } from '../../../services/api';
import { confirmAction, type ActionReply } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';
import { statusTagTheme, type TagTheme } from '../../../services/requestStatusTags';
import { orgTree } from '../../../services/orgTree';

/**
 * A cadre's request: the full contact number (audited), the deadline running now, the timeline,
 * and the moves allowed now. Declining and transferring take it out of this desk: both ask first.
 */
Component({
  behaviors: [elderMode, confirmAction, orgPicker],
  properties: {
    requestId: { type: String, value: '' },
  },
  data: {
    loading: true,
    request: null as RequestDetail | null,
    tagTheme: 'default' as TagTheme,
    can: {} as AllowedMoves,
    note: '',
    error: '',
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
      this.setData({ loading: false, request: { ...request, contactMobile }, tagTheme: statusTagTheme(request.status), can: allowedMoves(request.actions), error: '', note: '' });
    },
    async load() {
      const [result, orgs] = await Promise.all([api.requests.cadreDetail({ requestId: this.data.requestId }), api.account.listOrgs({})]);
      if (orgs.ok) {
        this.setData({ orgs: orgs.data.orgs, orgOptions: orgTree(orgs.data.orgs) });
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
    /** A move on this request: the reply is the request as it now stands. */
    move(run: () => Promise<ActionReply<RequestDetail>>, done: string) {
      return { run, done, refresh: (request: RequestDetail) => this.show(request) };
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
    /** A move that needs no question, sent with the note as written. */
    noteMove(call: (input: { requestId: string; note: string }) => Promise<ActionReply<RequestDetail>>, done: string) {
      const { requestId, note } = this.data;
      return this.runAction(this.move(() => call({ requestId, note }), done));
    },
    onAccept() {
      return this.noteMove(api.requests.accept, '已受理');
    },
    onStart() {
      return this.noteMove(api.requests.start, '已开始办理');
    },
    onReply() {
      return this.noteMove(api.requests.reply, '已回复职工');
    },
    onResolve() {
      return this.noteMove(api.requests.resolve, '已办结并答复');
    },
    onDecline() {
      const { requestId, note } = this.data;
      if (note.trim() === '') return showToast(this, '请先在说明里写明不予受理的原因', 'warning');
      return this.confirmThenRun({
        ...this.move(() => api.requests.decline({ requestId, note }), '已不予受理'),
        action: 'decline', title: '不予受理?', content: `职工将收到「不予受理」和您写的原因:${note.trim()}。此后诉求结束,不能恢复。`, confirm: '不予受理',
      });
    },
    onTransfer() {
      const { requestId, note } = this.data;
      const target = this.data.orgs.find((o) => o.id === this.data.orgId);
      if (!target) return showToast(this, '请选择转办的工会组织', 'warning');
      return this.confirmThenRun({
        ...this.move(() => api.requests.transfer({ requestId, toOrgId: target.id, note }), '已转办'),
        action: 'transfer', title: `转办至${target.name}?`, content: '转办后诉求离开本单位的受理队列,由对方重新计算时限办理。', confirm: '转办',
      });
    },
  },
});
