import type { LoginRequestView } from '../../../server/contracts/console';
import { api } from '../../services/api';
import { elderMode } from '../../behaviors/elderMode';
import { showToast } from '../../services/pageToast';

/** The login id travels as the scene of the console's mini program code (WeChat URL-encodes it). */
function loginIdOf(query: Record<string, string | undefined>): string {
  const raw = query.scene ?? query.loginId ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Opened by scanning the web console's code: says which browser asks to log in and lets a cadre
 * confirm (or refuse). The server checks the role again when confirming.
 */
Component({
  behaviors: [elderMode],
  data: {
    loginId: '',
    loading: true,
    login: null as LoginRequestView | null,
    busy: false,
    done: '' as '' | 'confirmed' | 'cancelled',
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ loginId: loginIdOf(query) });
      void this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      const result = await api.console.describeLogin({ loginId: this.data.loginId });
      if (result.ok) this.setData({ loading: false, login: result.data });
      else this.setData({ loading: false, error: result.message });
    },
    async onConfirm() {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      const result = await api.console.confirmLogin({ loginId: this.data.loginId });
      if (result.ok) {
        this.setData({ busy: false, done: 'confirmed' });
        showToast(this, '已登录工作台', 'success');
      } else {
        this.setData({ busy: false, error: result.message });
      }
    },
    async onCancel() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      await api.console.cancelLogin({ loginId: this.data.loginId });
      this.setData({ busy: false, done: 'cancelled' });
      showToast(this, '已取消登录');
    },
  },
});
