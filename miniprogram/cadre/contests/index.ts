import type { ManagedContestScope, OrgParticipation } from '../../../server/contracts/quiz';
import { pagedList, type ListReply } from '../../behaviors/pagedList';
import { elderMode } from '../../behaviors/elderMode';
import { api } from '../../services/api';
import { confirmAction } from '../../services/confirmDialog';
import { historyNames } from '../../services/historyNames';
import { showToast } from '../../services/pageToast';
import { contestInput, defaultDurationDays, durationChoices } from './contestForm';
import { contestCard, type ContestCard } from './contestView';

/** What each page asks for: a phone shows about four cards at once. */
const pageSize = 10;
/** Organisations per page of a contest's participation. */
const participationPageSize = 20;

/**
 * 竞赛管理 (cadres): the contests one created, a page at a time, each with its status, window and
 * participation; a new one from a bottom sheet; a running one ended early after a confirmation.
 * An admin switches to 我管辖的: every contest of the organisations they administer, whoever
 * created it, with 结束竞赛 where the server says they may.
 */
Component({
  behaviors: [elderMode, pagedList, confirmAction],
  data: {
    items: [] as ContestCard[],
    skeletonRows: [{ width: '100%', height: '220rpx' }, { width: '100%', height: '220rpx' }, { width: '100%', height: '220rpx' }],
    orgId: '',
    isAdmin: false,
    scope: 'mine' as ManagedContestScope,
    scopeTabs: [
      { value: 'mine', label: '我创建的' },
      { value: 'managed', label: '我管辖的' },
    ],
    formVisible: false,
    title: '',
    durationChoices,
    durationDays: defaultDurationDays,
    questionCount: 10,
    creating: false,
    participation: null as { contestId: string; total: number; rows: OrgParticipation[]; nextCursor: string | null; loadingMore: boolean } | null,
  },
  lifetimes: {
    attached() {
      void this.refresh();
      void this.loadOrg();
    },
  },
  methods: {
    async fetchPage(cursor: string | null): Promise<ListReply<ContestCard>> {
      const { scope } = this.data;
      const reply = await api.quiz.listManagedContests(cursor ? { scope, cursor, limit: pageSize } : { scope, limit: pageSize });
      return reply.ok ? { ok: true, page: { items: reply.data.contests.map(contestCard), next: reply.data.nextCursor } } : reply;
    },
    /** The organisation a new contest is for (the one the cadre serves), and whether 我管辖的 is offered. */
    async loadOrg() {
      const profile = await api.account.getProfile({});
      if (!profile.ok) return;
      const cadreOrg = profile.data.roles.find((r) => r.role === 'cadre' && r.orgId)?.orgId ?? profile.data.orgId ?? '';
      this.setData({ orgId: cadreOrg, isAdmin: profile.data.roles.some((r) => r.role === 'admin') });
    },
    onScope(event: WechatMiniprogram.CustomEvent<{ value: ManagedContestScope }>) {
      if (event.detail.value === this.data.scope) return;
      this.setData({ scope: event.detail.value, participation: null });
      void this.restart();
    },
    onOpenForm() {
      this.setData({ formVisible: true });
    },
    onFormVisible(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      this.setData({ formVisible: event.detail.visible });
    },
    onCloseForm() {
      this.setData({ formVisible: false });
    },
    onTitle(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: event.detail.value });
    },
    onDuration(event: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ durationDays: Number(event.detail.value) });
    },
    onQuestionCount(event: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ questionCount: Number(event.detail.value) });
    },
    async onCreate() {
      if (this.data.creating) return;
      if (!this.data.orgId) return showToast(this, '还没有读到你所在的工会组织,请稍后再试', 'warning');
      const input = contestInput({ title: this.data.title, days: this.data.durationDays, questionCount: this.data.questionCount, histories: historyNames.map((h) => h.key), orgId: this.data.orgId }, Date.now());
      this.setData({ creating: true });
      const reply = await api.quiz.createContest(input);
      this.setData({ creating: false });
      if (!reply.ok) return showToast(this, reply.message, 'error');
      this.setData({ formVisible: false, title: '' });
      showToast(this, '竞赛已创建', 'success');
      await this.refresh();
    },
    onAskClose(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; index: number }>) {
      const { id, index } = event.currentTarget.dataset;
      const contest = this.data.items[index];
      if (!contest) return;
      this.confirmThenRun({
        action: 'close',
        title: '提前结束竞赛?',
        content: `${contest.title}:结束后职工不能再参赛,正在答题的职工还有 2 分钟交卷,之后排名不再变化。此操作不能撤销。`,
        confirm: '结束竞赛',
        run: () => api.quiz.closeContest({ contestId: id }),
        done: (closed) => (closed.alreadyEnded ? '竞赛此前已结束' : '竞赛已结束'),
        // Only this card changes: the pages after it keep their place.
        refresh: (closed) => {
          const shown = this.data.items[index];
          if (shown?.id === id) this.setData({ [`items[${index}]`]: contestCard({ ...shown, status: 'ended', endsAt: closed.endsAt, closedAt: closed.closedAt }) });
        },
      });
    },
    async onParticipation(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const contestId = event.currentTarget.dataset.id;
      if (this.data.participation?.contestId === contestId) return this.setData({ participation: null });
      const reply = await api.quiz.getContestParticipation({ contestId, limit: participationPageSize });
      if (!reply.ok) return showToast(this, reply.message, 'error');
      this.setData({ participation: { contestId, total: reply.data.total, rows: reply.data.rows, nextCursor: reply.data.nextCursor, loadingMore: false } });
    },
    /** The next organisations of the open participation, after the last shown (most participants first). */
    async onMoreParticipation() {
      const shown = this.data.participation;
      if (!shown?.nextCursor || shown.loadingMore) return;
      this.setData({ 'participation.loadingMore': true });
      const reply = await api.quiz.getContestParticipation({ contestId: shown.contestId, cursor: shown.nextCursor, limit: participationPageSize });
      // Closed or switched to another contest meanwhile: this page belongs to nothing shown.
      if (this.data.participation?.contestId !== shown.contestId) return;
      if (!reply.ok) {
        this.setData({ 'participation.loadingMore': false });
        return showToast(this, reply.message, 'error');
      }
      this.setData({ 'participation.rows': [...shown.rows, ...reply.data.rows], 'participation.nextCursor': reply.data.nextCursor, 'participation.total': reply.data.total, 'participation.loadingMore': false });
    },
  },
});
