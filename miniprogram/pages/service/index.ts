import type { RequestCategory } from '../../../server/contracts/requests';
import { api } from '../../services/api';
import { elderMode } from '../../behaviors/elderMode';

/** 办实事 home: the notice's categories as a grid, filing a request and the worker's own requests. */
Component({
  behaviors: [elderMode],
  data: {
    categories: [] as Array<{ key: RequestCategory; label: string }>,
    isCadre: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const [options, profile] = await Promise.all([api.requests.formOptions({}), api.account.getProfile({})]);
      if (options.ok) this.setData({ categories: options.data.categories, error: '' });
      else this.setData({ error: options.message });
      if (profile.ok) this.setData({ isCadre: profile.data.roles.some((r) => r.role === 'cadre' || r.role === 'admin') });
    },
  },
});
