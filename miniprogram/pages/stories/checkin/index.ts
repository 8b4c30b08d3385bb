import { api } from '../../../services/api';
import { calendarGrid, shiftMonth, type CalendarCell } from './calendarGrid';

/** 阅读打卡: today's check-in, the streak, and a month calendar of check-in days. */
Component({
  data: {
    month: '',
    cells: [] as CalendarCell[],
    streak: 0,
    checkedInToday: false,
    checking: false,
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
      if (!result.ok) return this.setData({ error: result.message });
      const { days, today, streak, checkedInToday } = result.data;
      this.setData({ month: result.data.month, cells: calendarGrid(result.data.month, days, today), streak, checkedInToday, error: '' });
    },
    async onCheckIn() {
      if (this.data.checking) return;
      this.setData({ checking: true, error: '' });
      const result = await api.reading.checkIn({});
      if (!result.ok) return this.setData({ checking: false, error: result.message });
      const points = result.data.points > 0 && !result.data.alreadyCheckedIn ? `,获得 ${result.data.points} 积分` : '';
      this.setData({ checking: false, message: result.data.alreadyCheckedIn ? '今天已经打过卡了' : `打卡成功${points}` });
      await this.loadMonth();
    },
    onPrevMonth() {
      void this.loadMonth(shiftMonth(this.data.month, -1));
    },
    onNextMonth() {
      void this.loadMonth(shiftMonth(this.data.month, 1));
    },
  },
});
