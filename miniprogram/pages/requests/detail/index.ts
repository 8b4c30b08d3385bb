import type { RequestDetail } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askForSubscription } from '../../../services/subscribe';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';
import { statusTagTheme, type TagTheme } from '../../../services/requestStatusTags';

type Reply = { ok: true; data: RequestDetail } | { ok: false; message: string };

/** What each confirmed move says when it went through. */
const doneMessages = { withdraw: '诉求已撤回', confirm: '已确认办结', reopen: '已申请重新办理', rate: '感谢您的评价' } as const;

/**
 * A worker's request: status and the deadline running now, photos to preview, the timeline as
 * steps, and what the worker may do now (the server says which); withdrawing and confirming ask first.
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
    stars: 0,
    comment: '',
    reason: '',
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
      this.setData({ loading: false, request, tagTheme: statusTagTheme(request.status), can: allowedMoves(request.actions), busy: false, error: '' });
    },
    async load() {
      const result = await api.requests.detail({ requestId: this.data.requestId });
      if (result.ok) this.show(result.data);
      else this.setData({ loading: false, error: result.message });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async run(move: keyof typeof doneMessages, call: () => Promise<Reply>) {
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
      const request = this.data.request;
      if (!request) return;
      wx.previewImage({ urls: [...request.photos, ...request.photosInReview], current: event.currentTarget.dataset.url });
    },
    onWithdraw() {
      this.setData(askDialog('withdraw', '撤回这条诉求?', '撤回后工会将不再办理,也不能恢复;如仍需帮助,需要重新提交。', '撤回'));
    },
    onConfirm() {
      this.setData(askDialog('confirm', '确认已经办结?', '确认后诉求即告完成,不能再申请重新办理。', '确认办结'));
    },
    onDialogConfirm() {
      const action = this.data.dialog.action;
      this.setData({ dialog: closedDialog });
      if (action === 'withdraw') return this.run('withdraw', () => api.requests.withdraw({ requestId: this.data.requestId }));
      if (action === 'confirm') return this.run('confirm', () => api.requests.confirm({ requestId: this.data.requestId }));
      return undefined;
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog });
    },
    onReasonChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value });
    },
    onReopen() {
      if (this.data.reason.trim() === '') return showToast(this, '请说明需要重新办理的原因', 'warning');
      return this.run('reopen', () => api.requests.reopen({ requestId: this.data.requestId, reason: this.data.reason }));
    },
    onStars(event: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ stars: event.detail.value });
    },
    /** The same choice from the named buttons screen readers use (t-rate's slider has no name). */
    onStarTap(event: WechatMiniprogram.BaseEvent<Record<string, never>, { stars: number }>) {
      this.setData({ stars: Number(event.currentTarget.dataset.stars) });
    },
    onCommentChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: event.detail.value });
    },
    async onRate() {
      if (this.data.stars < 1) return showToast(this, '请先选择星级', 'warning');
      // Rating is a moment the worker is engaged: ask for the next progress notice (it needs the tap).
      await askForSubscription('rating');
      return this.run('rate', () => api.requests.rate({ requestId: this.data.requestId, stars: this.data.stars, comment: this.data.comment }));
    },
  },
});
