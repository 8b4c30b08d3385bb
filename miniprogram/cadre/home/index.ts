import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { askForSubscription } from '../../services/subscribe';
import { deskGroups, deskRoles, withPendingJoins } from './deskLinks';
import { elderMode } from '../../behaviors/elderMode';

/** The cadre subpackage's entry: the desks a cadre, editor or admin works at. The server checks roles again on every action. */
Component({
  behaviors: [elderMode],
  data: {
    loaded: false,
    failed: false,
    hasDesk: false,
    isCadre: false,
    groups: [] as ReturnType<typeof deskGroups>,
    overdueSubscribed: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from 入会审核: the count has moved.
      if (this.data.loaded && this.data.isCadre) void this.loadPendingJoins();
    },
  },
  methods: {
    async load() {
      const profile = await api.account.getProfile({});
      if (!profile.ok) {
        // Not knowing the roles is not the same as having none: say so and offer a retry.
        this.setData({ loaded: true, failed: true, hasDesk: false, groups: [] });
        showToast(this, profile.message, 'error');
        return;
      }
      const roles = deskRoles(profile.data.roles.map((r) => r.role));
      const groups = deskGroups(roles);
      const isCadre = roles.isCadre || roles.isAdmin;
      this.setData({ loaded: true, failed: false, hasDesk: groups.length > 0, isCadre, groups });
      if (isCadre) await this.loadPendingJoins();
    },
    /** One count over an index: a failure leaves the link without a number, nothing else. */
    async loadPendingJoins() {
      const count = await api.account.countJoinRequests({});
      if (count.ok) this.setData({ groups: withPendingJoins(this.data.groups, count.data.pending) });
    },
    onRetry() {
      this.setData({ loaded: false, failed: false });
      void this.load();
    },
    async onSubscribeOverdue() {
      // Each acceptance allows one overdue reminder: asking again adds one more.
      const accepted = await askForSubscription('overdueReminders');
      if (accepted.length > 0) {
        this.setData({ overdueSubscribed: true });
        showToast(this, '已订阅一次超时提醒', 'success');
      } else {
        showToast(this, '未订阅,超时提醒仍会出现在「消息」里');
      }
    },
  },
});
