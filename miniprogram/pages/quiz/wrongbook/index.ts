import type { WrongBookItem } from '../../../../server/contracts/quiz';
import { api } from '../../../services/api';
import { historyNames } from '../../../services/historyNames';

const historyName = new Map(historyNames.map((h) => [h.key as string, h.name]));

/** 错题本: every wrong answer, until it is answered right twice in a row. */
Component({
  data: {
    loading: true,
    error: '',
    items: [] as Array<WrongBookItem & { historyName: string }>,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const reply = await api.quiz.listWrongBook({});
      if (!reply.ok) return this.setData({ loading: false, error: reply.message });
      this.setData({ loading: false, items: reply.data.items.map((i) => ({ ...i, historyName: historyName.get(i.history) ?? '' })) });
    },
    onReview() {
      wx.navigateTo({ url: '/pages/quiz/practice/index?from=wrongBook' });
    },
  },
});
