import type { PendingReflection } from '../../../../server/contracts/reading';
import { elderMode } from '../../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../../behaviors/pagedList';
import { api } from '../../../services/api';
import { confirmAction } from '../../../services/confirmDialog';

type Decision = 'approve' | 'reject';

/**
 * 读后感审核: the cadre's queue, oldest first, paged by the time written (and id); each decision removes the
 * item from the list. Rejecting hides the reflection for good, so it asks first.
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction],
  data: {
    items: [] as PendingReflection[],
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
    decision(id: string, decision: Decision) {
      return {
        run: () => api.reading.moderateReflection({ reflectionId: id, decision }),
        done: ({ changed }: { changed: boolean }) => (!changed ? '已由其他干部处理' : decision === 'approve' ? '已通过,读者可见' : '已设为不通过'),
        // Decided here or by another cadre first: either way it leaves the queue.
        refresh: () => {
          const items = this.data.items.filter((r) => r.id !== id);
          this.setData({ items });
          // The last one shown is decided while more wait: the queue's first page is now those.
          if (items.length === 0 && this.data.nextCursor) void this.refresh();
        },
      };
    },
    onApprove(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void this.runAction(this.decision(event.currentTarget.dataset.id, 'approve'));
    },
    onReject(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      this.confirmThenRun({
        ...this.decision(event.currentTarget.dataset.id, 'reject'),
        action: 'reject', title: '不通过这篇读后感?', content: '不通过后,这篇读后感不会展示给其他读者,也不能再改为通过。', confirm: '不通过',
      });
    },
  },
});
