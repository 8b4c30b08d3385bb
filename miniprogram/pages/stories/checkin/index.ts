import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { calendarGrid, shiftMonth, type CalendarCell } from './calendarGrid';
import { elderMode } from '../../../behaviors/elderMode';

/** 阅读打卡: today's check-in, the streak, and a month calendar of check-in days. */
Component({
  behaviors: [elderMode],
  data: {
    month: '',
    cells: [] as CalendarCell[],
    streak: 0,
    checkedInToday: false,
    checking: false,
    loading: true,
    skeletonRows: [{ width: '100%', height: '200rpx' }, { width: '100%', height: '480rpx' }],
    message: '',
    error: '',
  },
  lifetimes: {
    attached() {
      void this.loadMonth();
    },
  },
  methods: {
    async loadMonth(month?: string) {
      const result = await api.reading.getCheckinMonth(month ? { month } : {});
      if (!result.ok) {
        // With a calendar on screen a failed month change is a toast; with nothing yet, the error state.
        if (this.data.month) return showToast(this, result.message, 'error');
        return this.setData({ loading: false, error: result.message });
      }
      const { days, today, streak, checkedInToday } = result.data;
      this.setData({ loading: false, month: result.data.month, cells: calendarGrid(result.data.month, days, today), streak, checkedInToday, error: '' });
    },
    async onCheckIn() {
      if (this.data.checking) return;
      this.setData({ checking: true, error: '' });
      const result = await api.reading.checkIn({});
      if (!result.ok) {
        this.setData({ checking: false });
        return showToast(this, result.message, 'error');
      }
      const points = result.data.points > 0 && !result.data.alreadyCheckedIn ? `,获得 ${result.data.points} 积分` : '';
      const message = result.data.alreadyCheckedIn ? '今天已经打过卡了' : `打卡成功${points}`;
      this.setData({ checking: false, message });
      showToast(this, message, result.data.alreadyCheckedIn ? undefined : 'success');
      await this.loadMonth();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.loadMonth();
    },
    onPrevMonth() {
      void this.loadMonth(shiftMonth(this.data.month, -1));
    },
    onNextMonth() {
      void this.loadMonth(shiftMonth(this.data.month, 1));
    },
  },
});
