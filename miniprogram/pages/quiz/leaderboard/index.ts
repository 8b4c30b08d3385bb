import { api } from '../../../services/api';
import { joinGroupFromEnterOptions } from '../groupJoin';
import { boardView, periodTabs, scopeTabs, type BoardRowView } from './boardView';

type ScopeKey = (typeof scopeTabs)[number]['key'];
type PeriodKey = (typeof periodTabs)[number]['key'];

/** 排行榜: scope (全省 / 本单位 / 本群) × period (今日 / 本周 / 总榜), top 100 and the worker's own place. */
Component({
  data: {
    scopeTabs,
    periodTabs,
    scope: 'province' as ScopeKey,
    period: 'day' as PeriodKey,
    groupId: '',
    loading: true,
    error: '',
    rows: [] as BoardRowView[],
    myRank: '',
    myScore: 0,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      const joined = await joinGroupFromEnterOptions();
      if (joined) this.setData({ groupId: joined });
      await this.load();
    },
    async load() {
      const { scope, period, groupId } = this.data;
      this.setData({ loading: true, error: '' });
      const reply = await api.quiz.getLeaderboard({ scope, period, ...(scope === 'group' && groupId ? { groupId } : {}) });
      if (!reply.ok) return this.setData({ loading: false, error: reply.message, rows: [], myRank: '', myScore: 0 });
      if (!groupId && reply.data.groups[0]) this.setData({ groupId: reply.data.groups[0] });
      this.setData({ loading: false, ...boardView(reply.data) });
    },
    onScope(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: ScopeKey }>) {
      this.setData({ scope: event.currentTarget.dataset.key });
      void this.load();
    },
    onPeriod(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: PeriodKey }>) {
      this.setData({ period: event.currentTarget.dataset.key });
      void this.load();
    },
  },
});
