import type { PendingReflection } from '../../../../server/contracts/reading';
import { elderMode } from '../../../behaviors/elderMode';
import { api } from '../../../services/api';
import { askDialog, closedDialog } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';

/**
 * 读后感审核: the cadre's queue, oldest first, paged by the time written; each decision removes the
 * item from the list. Rejecting hides the reflection for good, so it asks first.
 */
Component({
  behaviors: [elderMode],
  data: {
    reflections: [] as PendingReflection[],
    nextAfter: null as string | null,
    loaded: false,
    loadingMore: false,
    deciding: '',
    rejecting: '',
    error: '',
    dialog: closedDialog,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load(after?: string) {
      const result = await api.reading.listPendingReflections(after ? { after } : {});
      if (!result.ok) {
        if (after) return showToast(this, result.message, 'error');
        return this.setData({ error: result.message, loaded: true });
      }
      const reflections = after ? [...this.data.reflections, ...result.data.reflections] : result.data.reflections;
      this.setData({ reflections, nextAfter: result.data.nextAfter, loaded: true, error: '' });
    },
    onRetry() {
      this.setData({ loaded: false, error: '' });
      return this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    onReachBottom() {
      return this.onMore();
    },
    async onMore() {
      if (!this.data.nextAfter || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.load(this.data.nextAfter);
      this.setData({ loadingMore: false });
    },
    async decide(id: string, decision: 'approve' | 'reject') {
      if (this.data.deciding) return;
      this.setData({ deciding: id });
      const result = await api.reading.moderateReflection({ reflectionId: id, decision });
      if (!result.ok) {
        this.setData({ deciding: '' });
        return showToast(this, result.message, 'error');
      }
      // Decided here or by another cadre first: either way it leaves the queue.
      this.setData({ deciding: '', reflections: this.data.reflections.filter((r) => r.id !== id) });
      showToast(this, !result.data.changed ? '已由其他干部处理' : decision === 'approve' ? '已通过,读者可见' : '已设为不通过', 'success');
    },
    onApprove(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void this.decide(event.currentTarget.dataset.id, 'approve');
    },
    onReject(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      this.setData({ rejecting: event.currentTarget.dataset.id, ...askDialog('reject', '不通过这篇读后感?', '不通过后,这篇读后感不会展示给其他读者,也不能再改为通过。', '不通过') });
    },
    onDialogConfirm() {
      const id = this.data.rejecting;
      this.setData({ dialog: closedDialog, rejecting: '' });
      if (id) void this.decide(id, 'reject');
    },
    onDialogCancel() {
      this.setData({ dialog: closedDialog, rejecting: '' });
    },
  },
});
