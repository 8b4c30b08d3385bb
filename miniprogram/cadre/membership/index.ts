import { elderMode } from '../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../behaviors/pagedList';
import { api } from '../../services/api';
import { confirmAction } from '../../services/confirmDialog';
import { joinRowOf, type JoinRow } from './joinRow';

type Tap = WechatMiniprogram.BaseEvent<Record<string, never>, { openid: string }>;

/** What the server answers when another cadre decided first: the request leaves the queue all the same. */
const settledElsewhere = ['ALREADY_DECIDED', 'REQUEST_NOT_FOUND'];

/**
 * 入会审核: the requests to join the cadre's organisations (and those below), oldest first, paged by
 * the time asked (and id). 同意 makes the worker a member at once; 不同意 asks first, with an
 * optional reason the worker reads in 消息 and on 我的. Each decision takes the request out of the list.
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction],
  data: {
    items: [] as JoinRow[],
    /** The reason typed in the 不同意 dialog. */
    reason: '',
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<JoinRow>> {
      const reply = await api.account.listJoinRequests(cursor ? { cursor } : {});
      return reply.ok ? { ok: true, page: { items: reply.data.items.map(joinRowOf), next: reply.data.nextCursor } } : reply;
    },
    drop(openid: string) {
      const items = this.data.items.filter((r) => r.openid !== openid);
      this.setData({ items });
      // The last one shown is decided while more wait: the queue's first page is now those.
      if (items.length === 0 && this.data.nextCursor) void this.refresh();
    },
    decision(openid: string, approve: boolean) {
      const row = this.data.items.find((r) => r.openid === openid);
      return {
        run: async () => {
          const reason = this.data.reason.trim();
          const reply = await api.account.decideJoinRequest({ openid, approve, ...(!approve && reason ? { reason } : {}) });
          if (!reply.ok && settledElsewhere.includes(reply.code)) this.drop(openid);
          return reply;
        },
        done: approve ? `已同意,${row?.nickname ?? '职工'}已加入${row?.orgName ?? '工会'}` : '已不同意,职工会在消息里看到',
        refresh: () => this.drop(openid),
      };
    },
    onApprove(event: Tap) {
      void this.runAction(this.decision(event.currentTarget.dataset.openid, true));
    },
    onReject(event: Tap) {
      const { openid } = event.currentTarget.dataset;
      const row = this.data.items.find((r) => r.openid === openid);
      if (!row) return;
      this.setData({ reason: '' });
      this.confirmThenRun({
        ...this.decision(openid, false),
        action: 'reject', title: '不同意入会?', content: `${row.nickname}申请加入${row.orgName}。可写明原因,职工会在消息里看到。`, confirm: '不同意',
      });
    },
    onReasonChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value });
    },
  },
});
