import { isElderMode } from '../services/elderMode';

/**
 * Gives a page `elderClass` ('elder' in 长辈模式) for its root view; app.wxss enlarges the text and
 * TDesign's type tokens under it. Read again on every show, so a switch on 我的 reaches every page.
 */
export const elderMode = Behavior({
  data: { elderClass: '' },
  lifetimes: {
    attached() {
      this.setData({ elderClass: isElderMode() ? 'elder' : '' });
    },
  },
  pageLifetimes: {
    show() {
      this.setData({ elderClass: isElderMode() ? 'elder' : '' });
    },
  },
});
