import { api } from '../../services/api';
import { deskGroups } from './deskLinks';
import { elderMode } from '../../behaviors/elderMode';

/** The cadre subpackage's entry: the desks a cadre (or admin) works at. The server checks roles again on every action. */
Component({
  behaviors: [elderMode],
  data: {
    loaded: false,
    isCadre: false,
    groups: [] as ReturnType<typeof deskGroups>,
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
  },
});
