import type { RequestSummary } from '../../../server/contracts/requests';
import { elderMode } from '../../behaviors/elderMode';
import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { categoryCells, type CategoryCell } from '../../services/requestCategories';
import { withStatusTags, type TagTheme } from '../../services/requestStatusTags';
import { handlesRequests } from '../../services/roles';
import { shortTime } from '../../services/shortTime';

type LatestRequest = RequestSummary & { tagTheme: TagTheme; timeText: string };

/** The worker's newest request for the 我的诉求 card, or null before the first. */
function latestOf(requests: RequestSummary[]): LatestRequest | null {
  const [latest] = withStatusTags(requests.slice(0, 1));
  return latest ? { ...latest, timeText: shortTime(latest.createdAt, Date.now()) } : null;
}

/**
 * 办实事 home: the worker's newest request and its status, the notice's categories as a grid (each
 * opens the form with it chosen), filing a request, and the queue for those who handle requests.
 */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    loaded: false,
    error: '',
    categories: [] as CategoryCell[],
    latest: null as LatestRequest | null,
    handlesRequests: false,
    skeletonRows: [{ width: '100%', height: '140rpx' }, { width: '40%', height: '40rpx' }, { width: '100%', height: '360rpx' }, { width: '100%', height: '88rpx' }],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from the form or a request: the newest request or its status may have moved.
      if (this.data.loaded && !this.data.loading) void this.refreshLatest();
    },
  },
  methods: {
    /**
     * The categories, who the worker is and their newest request, in one round of three calls:
     * listMine with limit 1 is the list page's own indexed read of the worker's requests.
     */
    async load(): Promise<boolean> {
      this.setData({ loading: true });
      const [options, profile, mine] = await Promise.all([api.requests.formOptions({}), api.account.getProfile({}), api.requests.listMine({ limit: 1 })]);
      if (!options.ok) {
        // What is shown stays (a failed pull-down says so in a toast); with nothing shown, the error state.
        if (this.data.loaded) showToast(this, options.message, 'error');
        this.setData({ loading: false, error: this.data.loaded ? '' : options.message });
        return false;
      }
      this.setData({
        loading: false,
        loaded: true,
        error: '',
        categories: categoryCells(options.data.categories),
        ...(mine.ok ? { latest: latestOf(mine.data.requests) } : {}),
        ...(profile.ok ? { handlesRequests: handlesRequests(profile.data.roles) } : {}),
      });
      return true;
    },
    async refreshLatest() {
      const mine = await api.requests.listMine({ limit: 1 });
      if (mine.ok) this.setData({ latest: latestOf(mine.data.requests) });
    },
    onRetry() {
      this.setData({ error: '' });
      return this.load();
    },
    onFile() {
      wx.navigateTo({ url: '/pages/requests/form/index' });
    },
    async onPullDownRefresh() {
      const ok = await this.load();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
  },
});
