import type { RequestDashboard } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';

/** A cadre's dashboard: counts, medians, overdue and satisfaction; the list exported to .xlsx. */
Component({
  data: {
    board: null as RequestDashboard | null,
    exporting: false,
    exportUrl: '',
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
      const result = await api.requests.exportXlsx({});
      if (!result.ok) return this.setData({ exporting: false, error: result.message });
      this.setData({ exporting: false, exportUrl: result.data.tempFileURL });
      if (typeof wx.downloadFile !== 'function') return;
      wx.downloadFile({
        url: result.data.tempFileURL,
        success: (file) => wx.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true }),
        fail: () => this.setData({ error: '下载失败,请稍后重试' }),
      });
    },
  },
});
