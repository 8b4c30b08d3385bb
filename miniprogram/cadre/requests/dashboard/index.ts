import type { DashboardOrgLine, RequestDashboard } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { elderMode } from '../../../behaviors/elderMode';
import { showToast } from '../../../services/pageToast';

/** A share as the card shows it: 92.5%, or a dash when there is nothing to divide. */
const pctText = (n: number | null) => (n === null ? '—' : `${n}%`);
const hoursText = (n: number | null) => (n === null ? '—' : `${n} 小时`);

type OrgRow = DashboardOrgLine & { figures: string; shares: string };

/**
 * 诉求统计: a cadre's figures over their organisation tree, exactly as the dashboard action gives
 * them (the page computes nothing): open, overdue, on-time and satisfaction shares, counts by status
 * and category, the line of each organisation one level down; the overdue list one tap away; the
 * list exported to .xlsx a file of rows at a time.
 */
Component({
  behaviors: [elderMode],
  data: {
    loading: true,
    board: null as RequestDashboard | null,
    cards: [] as Array<{ key: string; label: string; value: string; tone: string }>,
    orgRows: [] as OrgRow[],
    hours: { accept: '—', resolve: '—' },
    skeletonRows: [
      [{ width: '48%', height: '150rpx' }, { width: '48%', height: '150rpx' }],
      [{ width: '48%', height: '150rpx' }, { width: '48%', height: '150rpx' }],
      { width: '100%', height: '300rpx' },
    ],
    exporting: false,
    exportUrl: '',
    /** Rows exported so far, and where the next file continues (null when the last file is made). */
    exportedRows: 0,
    nextCursor: null as string | null,
    error: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load(): Promise<boolean> {
      const reply = await api.requests.dashboard({});
      if (!reply.ok) {
        // A refresh that fails keeps the figures shown and says so; a first load shows the error.
        if (this.data.board) showToast(this, reply.message, 'error');
        this.setData({ loading: false, error: this.data.board ? '' : reply.message });
        return false;
      }
      const board = reply.data;
      this.setData({
        loading: false,
        error: '',
        board,
        cards: [
          { key: 'open', label: '未办结', value: String(board.open), tone: 'plain' },
          { key: 'overdue', label: '超时', value: String(board.overdue), tone: board.overdue > 0 ? 'alert' : 'plain' },
          { key: 'onTime', label: '按时办结率', value: pctText(board.onTimePct), tone: 'plain' },
          { key: 'satisfaction', label: '满意率', value: pctText(board.satisfactionPct), tone: 'plain' },
        ],
        orgRows: board.orgLines.map((line) => ({
          ...line,
          figures: `共 ${line.total} 件 · 未办结 ${line.open} · 超时 ${line.overdue}`,
          shares: `按时 ${pctText(line.onTimePct)} · 满意 ${pctText(line.satisfactionPct)}`,
        })),
        hours: { accept: hoursText(board.averageHoursToAccept), resolve: hoursText(board.averageHoursToResolve) },
      });
      return true;
    },
    async onPullDownRefresh() {
      const ok = await this.load();
      wx.stopPullDownRefresh?.();
      if (ok) showToast(this, '已刷新', 'success', 1000);
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    onOverdue() {
      wx.navigateTo({ url: '/cadre/requests/queue/index?overdue=1' });
    },
    onQueue() {
      wx.navigateTo({ url: '/cadre/requests/queue/index' });
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      const continuing = this.data.nextCursor;
      const result = await api.requests.exportXlsx(continuing ? { cursor: continuing } : {});
      if (!result.ok) {
        this.setData({ exporting: false });
        return showToast(this, result.message, 'error');
      }
      const exportedRows = (continuing ? this.data.exportedRows : 0) + result.data.rows;
      this.setData({ exporting: false, exportUrl: result.data.tempFileURL, exportedRows, nextCursor: result.data.nextCursor });
      showToast(this, `已导出 ${exportedRows} 条`, 'success');
      if (typeof wx.downloadFile !== 'function') return;
      wx.downloadFile({
        url: result.data.tempFileURL,
        success: (file) => wx.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true }),
        fail: () => showToast(this, '下载失败,请稍后重试', 'error'),
      });
    },
  },
});
