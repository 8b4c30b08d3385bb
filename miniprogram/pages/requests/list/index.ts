import type { RequestSummary } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';

/** 我的诉求: the worker's requests with their status, newest first. */
Component({
  data: {
    requests: [] as RequestSummary[],
    loaded: false,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.loaded) void this.load();
    },
  },
  methods: {
    async load() {
      const result = await api.requests.listMine({});
      if (result.ok) this.setData({ requests: result.data.requests, loaded: true, error: '' });
      else this.setData({ error: result.message, loaded: true });
    },
  },
});
