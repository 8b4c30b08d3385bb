import type { RequestDetail } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askForSubscription } from '../../../services/subscribe';
import { confirmAction, type ActionReply } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';
import { statusTagTheme, type TagTheme } from '../../../services/requestStatusTags';

/**
 * A worker's request: status and the deadline running now, photos to preview, the timeline as
 * steps, and what the worker may do now (the server says which); withdrawing, confirming and rating ask first.
 */
Component({
  behaviors: [elderMode, confirmAction],
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
      this.setData({ loading: false, request, tagTheme: statusTagTheme(request.status), can: allowedMoves(request.actions), error: '' });
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
    /** A move on this request: the reply is the request as it now stands. */
    move(run: () => Promise<ActionReply<RequestDetail>>, done: string) {
      return { run, done, refresh: (request: RequestDetail) => this.show(request) };
    },
    onPreview(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url: string }>) {
      const request = this.data.request;
      if (!request) return;
      wx.previewImage({ urls: [...request.photos, ...request.photosInReview], current: event.currentTarget.dataset.url });
    },
    onWithdraw() {
      const { requestId } = this.data;
      this.confirmThenRun({
        ...this.move(() => api.requests.withdraw({ requestId }), '诉求已撤回'),
        action: 'withdraw', title: '撤回这条诉求?', content: '撤回后工会将不再办理,也不能恢复;如仍需帮助,需要重新提交。', confirm: '撤回',
      });
    },
    onConfirm() {
      const { requestId } = this.data;
      this.confirmThenRun({
        ...this.move(() => api.requests.confirm({ requestId }), '已确认办结'),
        action: 'confirm', title: '确认已经办结?', content: '确认后诉求即告完成,不能再申请重新办理。', confirm: '确认办结',
      });
    },
    onReasonChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value });
    },
    onReopen() {
      if (this.data.reason.trim() === '') return showToast(this, '请说明需要重新办理的原因', 'warning');
      const { requestId, reason } = this.data;
      return this.runAction(this.move(() => api.requests.reopen({ requestId, reason }), '已申请重新办理'));
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
    /** Rating ends the request for good (no 申请重新办理 after it): asked first, like 确认办结. */
    onRate() {
      if (this.data.stars < 1) return showToast(this, '请先选择星级', 'warning');
      const { requestId, stars, comment } = this.data;
      const rate = async () => {
        // Rating is a moment the worker is engaged: ask for the next progress notice (确定 is the tap it needs).
        await askForSubscription('rating');
        return api.requests.rate({ requestId, stars, comment });
      };
      this.confirmThenRun({
        ...this.move(rate, '感谢您的评价'),
        action: 'rate', title: `提交 ${stars} 星评价?`, content: '提交评价后诉求即办结,不能再申请重新办理。', confirm: '提交评价',
      });
    },
  },
});
