import { api } from '../../../services/api';
import { askForSubscription } from '../../../services/subscribe';
import { reportReasons, type ReportReason } from './reasons';

/**
 * 纠错 on a reviewed question: a reason and a note, sent through reportQuestion (the note passes the
 * server's text check). Tells the page the outcome through a `done` event carrying a message.
 */
Component({
  properties: {
    questionId: { type: String, value: '' },
    visible: { type: Boolean, value: false },
  },
  data: {
    reasons: reportReasons,
    reason: '' as ReportReason | '',
    note: '',
    error: '',
    sending: false,
  },
  methods: {
    onReason(event: WechatMiniprogram.CustomEvent<{ value: ReportReason }>) {
      this.setData({ reason: event.detail.value, error: '' });
    },
    onNote(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: event.detail.value, error: '' });
    },
    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.close();
    },
    close() {
      this.triggerEvent('close');
    },
    async onSubmit() {
      const { reason, note, sending } = this.data;
      const questionId = this.data.questionId as string;
      if (sending || !questionId) return;
      if (!reason) return this.setData({ error: '请选择问题类型' });
      if (note.trim().length < 2) return this.setData({ error: '请写几个字说明问题' });
      this.setData({ sending: true, error: '' });
      // The editor's answer comes later: ask now, in the tap, for one push of it.
      await askForSubscription('reporting');
      const reply = await api.quiz.reportQuestion({ questionId, reason, note: note.trim() });
      this.setData({ sending: false });
      if (!reply.ok) {
        if (reply.code === 'ALREADY_REPORTED') {
          this.triggerEvent('done', { message: reply.message, questionId });
          return;
        }
        this.setData({ error: reply.message });
        return;
      }
      this.setData({ reason: '', note: '' });
      this.triggerEvent('done', { message: '已提交,感谢纠错', questionId, reported: true });
    },
  },
});
