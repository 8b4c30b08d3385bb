import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { askForSubscription } from '../../services/subscribe';
import { deskGroups } from './deskLinks';
import { elderMode } from '../../behaviors/elderMode';

/** The cadre subpackage's entry: the desks a cadre (or admin) works at. The server checks roles again on every action. */
Component({
  behaviors: [elderMode],
  data: {
    loaded: false,
    isCadre: false,
    groups: [] as ReturnType<typeof deskGroups>,
    overdueSubscribed: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const profile = await api.account.getProfile({});
      const roles = profile.ok ? profile.data.roles.map((r) => r.role) : [];
      const isAdmin = roles.includes('admin');
      const isCadre = isAdmin || roles.includes('cadre');
      this.setData({ loaded: true, isCadre, groups: isCadre ? deskGroups(isAdmin) : [] });
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
