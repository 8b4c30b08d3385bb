import type { PendingReflection } from '../../../../server/contracts/reading';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { confirmAction } from '../../../services/confirmDialog';
import { showToast } from '../../../services/pageToast';
import { closedRejection, REASON_PRESETS, reasonProblem, type Rejection } from './rejectReason';

/**
 * 读后感审核: the cadre's queue, oldest first, paged by the time written (and id); each decision removes the
 * item from the list. Rejecting hides the reflection for good, so it asks first, in a dialog that also
 * asks the reason its author will be shown.
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction],
  data: {
    items: [] as PendingReflection[],
    rejection: closedRejection,
    reasonPresets: REASON_PRESETS,
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<PendingReflection>> {
      const reply = await api.reading.listPendingReflections(cursor ? { cursor } : {});
      return reply.ok ? { ok: true, page: { items: reply.data.reflections, next: reply.data.nextCursor } } : reply;
    },
    /** Decided here or by another cadre first: either way it leaves the queue. */
    leaveQueue(id: string) {
      const items = this.data.items.filter((r) => r.id !== id);
      this.setData({ items });
      // The last one shown is decided while more wait: the queue's first page is now those.
      if (items.length === 0 && this.data.nextCursor) void this.refresh();
    },
    onApprove(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      void this.runAction({
        run: () => api.reading.moderateReflection({ reflectionId: id, decision: 'approve' }),
        done: ({ changed }: { changed: boolean }) => (changed ? '已通过,读者可见' : '已由其他干部处理'),
        refresh: () => this.leaveQueue(id),
      });
    },
    /** 不通过 opens the dialog: nothing is sent before its 不通过 with a reason. */
    onReject(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      if (this.data.busy) return;
      const item = this.data.items.find((r) => r.id === event.currentTarget.dataset.id);
      if (!item) return;
      const rejection: Rejection = { visible: true, id: item.id, about: `《${item.storyTitle}》· ${item.nickname}`, reason: '', error: '', confirm: { content: '不通过', loading: false } };
      this.setData({ rejection });
    },
    onReasonChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'rejection.reason': event.detail.value, 'rejection.error': '' });
    },
    /** A common reason fills the box, to send as it is or to edit. */
    onReasonPreset(event: WechatMiniprogram.BaseEvent<Record<string, never>, { reason: string }>) {
      if (this.data.busy) return;
      this.setData({ 'rejection.reason': event.currentTarget.dataset.reason, 'rejection.error': '' });
    },
    onRejectCancel() {
      // Once 不通过 was tapped the call is on its way: the dialog stays until its outcome.
      if (this.data.busy) return;
      this.setData({ rejection: closedRejection });
    },
    async onRejectConfirm() {
      const { id, reason: typed } = this.data.rejection;
      if (!id || this.data.busy) return;
      const reason = typed.trim();
      const problem = reasonProblem(reason);
      if (problem) return this.setData({ 'rejection.error': problem });
      this.setData({ busy: true, 'rejection.confirm': { content: '不通过', loading: true } });
      const reply = await api.reading.moderateReflection({ reflectionId: id, decision: 'reject', reason });
      if (!reply.ok) {
        // The reason stays for the cadre to rewrite (a refused word, say); the reflection stays pending.
        this.setData({ busy: false, 'rejection.confirm': { content: '不通过', loading: false }, 'rejection.error': reply.message });
        return;
      }
      this.setData({ busy: false, rejection: closedRejection });
      this.leaveQueue(id);
      showToast(this, reply.data.changed ? '已设为不通过,作者会看到理由' : '已由其他干部处理', 'success');
    },
  },
});
