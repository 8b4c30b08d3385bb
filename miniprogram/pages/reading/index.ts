import type { ReadingPosition, StoryCard } from '../../../server/contracts/reading';
import { api } from '../../services/api';
import { showToast } from '../../services/pageToast';
import { themeColor, themeName, themeNames } from '../stories/themeNames';
import { elderMode } from '../../behaviors/elderMode';

type Pick = StoryCard & { color: string; themeLabel: string };

const decorate = <T extends StoryCard>(card: T): T & { color: string; themeLabel: string } => ({ ...card, color: themeColor(card.theme), themeLabel: themeName(card.theme) });

/** 阅读: the red-stories reading corner's home (search, check-in streak, continue, today's pick, themes). */
Component({
  behaviors: [elderMode],
  data: {
    themes: themeNames,
    recommendation: null as Pick | null,
    continueReading: null as (Pick & { position: ReadingPosition }) | null,
    streak: 0,
    checkedInToday: false,
    query: '',
    loading: true,
    loaded: false,
    error: '',
    skeletonRows: [{ width: '100%', height: '160rpx' }, { width: '100%', height: '220rpx' }],
  },
  methods: {
    // A tab page: shown again after reading, so the "continue" card and the streak are refreshed each time.
    onShow() {
      void this.refresh();
    },
    async refresh(): Promise<boolean> {
      this.setData({ error: '' });
      const [home, checkins] = await Promise.all([api.reading.getHome({}), api.reading.getCheckinMonth({})]);
      if (!home.ok) {
        this.setData({ loading: false, error: this.data.loaded ? '' : home.message });
        if (this.data.loaded) showToast(this, home.message, 'error');
        return false;
      }
      const { recommendation, continueReading } = home.data;
      this.setData({
        loading: false,
        loaded: true,
        recommendation: recommendation ? decorate(recommendation) : null,
        continueReading: continueReading ? decorate(continueReading) : null,
        ...(checkins.ok ? { streak: checkins.data.streak, checkedInToday: checkins.data.checkedInToday } : {}),
      });
      return true;
    },
    async onPullDownRefresh() {
      const ok = await this.refresh();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
    onRetry() {
      this.setData({ loading: true });
      void this.refresh();
    },
    onQueryChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: event.detail.value });
    },
    onSearch() {
      const query = this.data.query.trim();
      if (query) void wx.navigateTo({ url: `/pages/stories/list/index?query=${encodeURIComponent(query)}` });
    },
    onTheme(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      void wx.navigateTo({ url: `/pages/stories/list/index?theme=${event.currentTarget.dataset.key}` });
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages/stories/reader/index?storyId=${event.currentTarget.dataset.id}` });
    },
    onFavorites() {
      void wx.navigateTo({ url: '/pages/stories/favorites/index' });
    },
    onCheckin() {
      void wx.navigateTo({ url: '/pages/stories/checkin/index' });
    },
  },
});
