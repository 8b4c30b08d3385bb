import type { RequestDetail } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';


/** A worker's request: its timeline and what the worker may do now (the server says which). */
Component({
  properties: {
    requestId: { type: String, value: '' },
  },
  data: {
    request: null as RequestDetail | null,
    can: {} as AllowedMoves,
    stars: 0,
    starChoices: [1, 2, 3, 4, 5],
    comment: '',
    reason: '',
    busy: false,
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
      this.setData({ request, can: allowedMoves(request.actions), busy: false, error: '' });
    },
    async load() {
      const result = await api.requests.detail({ requestId: this.data.requestId });
      if (result.ok) this.show(result.data);
      else this.setData({ error: result.message });
    },
    async run(call: () => Promise<{ ok: true; data: RequestDetail } | { ok: false; message: string }>) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      const result = await call();
      if (result.ok) this.show(result.data);
      else this.setData({ busy: false, error: result.message });
    },
    onWithdraw() {
      return this.run(() => api.requests.withdraw({ requestId: this.data.requestId }));
    },
    onConfirm() {
      return this.run(() => api.requests.confirm({ requestId: this.data.requestId }));
    },
    onReasonChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value });
    },
    onReopen() {
      return this.run(() => api.requests.reopen({ requestId: this.data.requestId, reason: this.data.reason }));
    },
    onStar(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { stars: number }>) {
      this.setData({ stars: Number(event.currentTarget.dataset.stars) });
    },
    onCommentChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: event.detail.value });
    },
    onRate() {
      if (this.data.stars < 1) return this.setData({ error: '请先选择星级' });
      return this.run(() => api.requests.rate({ requestId: this.data.requestId, stars: this.data.stars, comment: this.data.comment }));
    },
  },
});
