import type { MessageView } from '../../../server/contracts/account';
import { elderMode } from '../../behaviors/elderMode';
import { pagedList, type ListReply } from '../../behaviors/pagedList';
import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { shortTime } from '../../services/shortTime';
import { askForSubscription, momentOfMessage } from '../../services/subscribe';
import { showUnreadBadge } from '../../services/unreadBadge';

type Row = MessageView & { timeText: string };

const pageSize = 20;

/** Each notice's time as chat lists say it (今天 22:22, 12月2日): short enough for one line under the title. */
const rowsOf = (messages: MessageView[], now: number): Row[] => messages.map((m) => ({ ...m, timeText: shortTime(m.at, now) }));

/**
 * 消息: every notice about the person's requests (and, for cadres, overdue reminders), newest first,
 * a page at a time, whether or not WeChat could push it. Tapping one marks it read and opens it.
 */
Component({
  behaviors: [elderMode, pagedList],
  data: {
    items: [] as Row[],
    unread: 0,
    markingAll: false,
  },
  observers: {
    // Every reply that counts the unread (a page of the list, a message read, all read) moves the tab bar badge.
    unread(unread: number) {
      showUnreadBadge(unread);
    },
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request: new notices may have arrived.
      if (!this.data.loading) void this.refresh();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<Row>> {
      const reply = await api.account.listMessages({ limit: pageSize, ...(cursor ? { before: cursor } : {}) });
      return reply.ok ? { ok: true, page: { items: rowsOf(reply.data.messages, Date.now()), next: reply.data.nextBefore, extra: { unread: reply.data.unread } } } : reply;
    },
    async onOpen(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const message = this.data.items[index];
      if (!message) return;
      // A notice opened is a moment the person cares: ask for the next one first (the dialog needs the tap).
      const moment = momentOfMessage(message.kind);
      if (moment) await askForSubscription(moment);
      if (!message.read) {
        const marked = await api.account.markMessagesRead({ messageId: message.id });
        if (marked.ok) this.setData({ [`items[${index}].read`]: true, unread: marked.data.unread });
      }
      // 我的 (where a membership decision shows) is a tab: navigateTo cannot open it, switchTab can.
      if (message.url) wx.navigateTo({ url: message.url, fail: () => void wx.switchTab({ url: message.url, fail: () => undefined }) });
    },
    /** No message yet: where the requests they would be about are. */
    onRequests() {
      wx.navigateTo({ url: '/pages/requests/list/index' });
    },
    async onMarkAll() {
      if (this.data.markingAll || this.data.unread === 0) return;
      this.setData({ markingAll: true });
      const result = await api.account.markMessagesRead({ all: true });
      if (!result.ok) {
        this.setData({ markingAll: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ markingAll: false, unread: result.data.unread, items: this.data.items.map((m) => ({ ...m, read: true })) });
      showToast(this, '已全部标为已读', 'success');
    },
  },
});
