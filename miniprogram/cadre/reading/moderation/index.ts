import type { PendingReflection } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { elderMode } from '../../../behaviors/elderMode';

/** 读后感审核: the cadre's queue, oldest first; each decision removes the item from the list. */
Component({
  behaviors: [elderMode],
  data: {
    reflections: [] as PendingReflection[],
    nextAfter: null as string | null,
    loaded: false,
    deciding: '',
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load(after?: string) {
      const result = await api.reading.listPendingReflections(after ? { after } : {});
      if (!result.ok) return this.setData({ error: result.message, loaded: true });
      const reflections = after ? [...this.data.reflections, ...result.data.reflections] : result.data.reflections;
      this.setData({ reflections, nextAfter: result.data.nextAfter, loaded: true, error: '' });
    },
    onMore() {
      if (this.data.nextAfter) void this.load(this.data.nextAfter);
    },
    async decide(id: string, decision: 'approve' | 'reject') {
      if (this.data.deciding) return;
      this.setData({ deciding: id, error: '' });
      const result = await api.reading.moderateReflection({ reflectionId: id, decision });
      if (!result.ok) return this.setData({ deciding: '', error: result.message });
      // Decided here or by another cadre first: either way it leaves the queue.
      this.setData({ deciding: '', reflections: this.data.reflections.filter((r) => r.id !== id) });
    },
    onApprove(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void this.decide(event.currentTarget.dataset.id, 'approve');
    },
    onReject(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void this.decide(event.currentTarget.dataset.id, 'reject');
    },
  },
});
