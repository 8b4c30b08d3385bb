import type { ManagedContest, OrgParticipation } from '../../../server/contracts/quiz';
import { api } from '../../services/api';
import { historyNames } from '../../services/historyNames';
import { contestInput, durationChoices } from './contestForm';
import { elderMode } from '../../behaviors/elderMode';

/** 竞赛管理 (cadres): create a contest for one's union, see participation by organisation. */
Component({
  behaviors: [elderMode],
  data: {
    contests: [] as ManagedContest[],
    orgId: '',
    title: '',
    durationNames: durationChoices.map((d) => d.name),
    durationIndex: 2,
    questionCount: 10,
    selectedId: '',
    participation: [] as OrgParticipation[],
    total: 0,
    error: '',
    created: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const [profile, list] = await Promise.all([api.account.getProfile({}), api.quiz.listManagedContests({})]);
      if (!profile.ok) return this.setData({ error: profile.message });
      if (!list.ok) return this.setData({ error: list.message });
      const cadreOrg = profile.data.roles.find((r) => r.role === 'cadre' && r.orgId)?.orgId ?? profile.data.orgId ?? '';
      this.setData({ contests: list.data.contests, orgId: cadreOrg, error: '' });
    },
    onTitle(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: event.detail.value, created: false });
    },
    onDuration(event: WechatMiniprogram.PickerChange) {
      this.setData({ durationIndex: Number(event.detail.value) });
    },
    async onCreate() {
      const duration = durationChoices[this.data.durationIndex] ?? durationChoices[0];
      const input = contestInput({ title: this.data.title, days: duration?.days ?? 1, questionCount: this.data.questionCount, histories: historyNames.map((h) => h.key), orgId: this.data.orgId }, Date.now());
      const reply = await api.quiz.createContest(input);
      if (!reply.ok) return this.setData({ error: reply.message });
      this.setData({ created: true, title: '' });
      await this.load();
    },
    async onSelect(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const contestId = event.currentTarget.dataset.id;
      const reply = await api.quiz.getContestParticipation({ contestId });
      if (!reply.ok) return this.setData({ error: reply.message });
      this.setData({ selectedId: contestId, participation: reply.data.rows, total: reply.data.total });
    },
  },
});
