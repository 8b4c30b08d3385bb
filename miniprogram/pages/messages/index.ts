import type { MessageView } from '../../../server/contracts/account';
import { elderMode } from '../../behaviors/elderMode';
import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { askForSubscription } from '../../services/subscribe';
import { showUnreadBadge } from '../../services/unreadBadge';

type Row = MessageView & { timeText: string };

const pageSize = 20;

/** Shanghai time as a worker reads it, e.g. 2026-11-25 09:30. */
const timeOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

const rowsOf = (messages: MessageView[]): Row[] => messages.map((m) => ({ ...m, timeText: timeOf(m.at) }));

/**
 * 消息: every notice about the person's requests (and, for cadres, overdue reminders), newest first,
 * a page at a time, whether or not WeChat could push it. Tapping one marks it read and opens it.
 */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    messages: [] as Row[],
    nextBefore: null as string | null,
    loadingMore: false,
    unread: 0,
    markingAll: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a request: new notices may have arrived.
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async load() {
      const result = await api.account.listMessages({ limit: pageSize });
      if (!result.ok) return this.setData({ loading: false, error: result.message });
      this.setData({ loading: false, messages: rowsOf(result.data.messages), nextBefore: result.data.nextBefore, unread: result.data.unread, error: '' });
      showUnreadBadge(result.data.unread);
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    onReachBottom() {
      return this.onMore();
    },
    async onMore() {
      const before = this.data.nextBefore;
      if (!before || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const result = await api.account.listMessages({ before, limit: pageSize });
      if (!result.ok) {
        this.setData({ loadingMore: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ loadingMore: false, messages: [...this.data.messages, ...rowsOf(result.data.messages)], nextBefore: result.data.nextBefore, unread: result.data.unread });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      return this.load();
    },
    async onOpen(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const message = this.data.messages[index];
      if (!message) return;
      // A notice opened is a moment the person cares: ask for the next one first (the dialog needs the tap).
      await askForSubscription(message.kind === 'requestOverdue' ? 'overdueReminders' : 'openMessage');
      if (!message.read) {
        const marked = await api.account.markMessagesRead({ messageId: message.id });
        if (marked.ok) {
          this.setData({ [`messages[${index}].read`]: true, unread: marked.data.unread });
          showUnreadBadge(marked.data.unread);
        }
      }
      if (message.url) wx.navigateTo({ url: message.url, fail: () => undefined });
    },
    async onMarkAll() {
      if (this.data.markingAll || this.data.unread === 0) return;
      this.setData({ markingAll: true });
      const result = await api.account.markMessagesRead({ all: true });
      if (!result.ok) {
        this.setData({ markingAll: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ markingAll: false, unread: result.data.unread, messages: this.data.messages.map((m) => ({ ...m, read: true })) });
      showUnreadBadge(result.data.unread);
      showToast(this, '已全部标为已读', 'success');
    },
  },
});
