import { historyNames } from '../../services/historyNames';

/** 学习: the five histories of the knowledge contest. */
Component({
  data: {
    histories: historyNames,
  },
});
