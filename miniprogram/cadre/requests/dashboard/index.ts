import type { RequestDashboard } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { elderMode } from '../../../behaviors/elderMode';

/** A cadre's dashboard: counts, average hours, overdue and satisfaction; the list exported to .xlsx a file of rows at a time. */
Component({
  behaviors: [elderMode],
  data: {
    board: null as RequestDashboard | null,
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
    async load() {
      const board = await api.requests.dashboard({});
      if (board.ok) this.setData({ board: board.data, error: '' });
      else this.setData({ error: board.message });
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true, error: '' });
      const continuing = this.data.nextCursor;
      const result = await api.requests.exportXlsx(continuing ? { cursor: continuing } : {});
      if (!result.ok) return this.setData({ exporting: false, error: result.message });
      this.setData({ exporting: false, exportUrl: result.data.tempFileURL, exportedRows: (continuing ? this.data.exportedRows : 0) + result.data.rows, nextCursor: result.data.nextCursor });
      if (typeof wx.downloadFile !== 'function') return;
      wx.downloadFile({
        url: result.data.tempFileURL,
        success: (file) => wx.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true }),
        fail: () => this.setData({ error: '下载失败,请稍后重试' }),
      });
    },
  },
});
