import type { OrgNode } from '../../../../server/contracts/account';
import type { RequestDetail } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { allowedMoves, type AllowedMoves } from '../../../services/requestMoves';
import { orgChoices } from '../../../services/orgChoices';
import { elderMode } from '../../../behaviors/elderMode';

type Reply = { ok: true; data: RequestDetail } | { ok: false; message: string };

/** A cadre's request: the full contact number (audited), the timeline, and the moves allowed now. */
Component({
  behaviors: [elderMode],
  properties: {
    requestId: { type: String, value: '' },
  },
  data: {
    request: null as RequestDetail | null,
    can: {} as AllowedMoves,
    note: '',
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    busy: false,
    error: '',
  },
  lifetimes: {
    attached() {
      if (this.data.requestId) void this.load();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.requestId && !this.data.request) {
        this.setData({ requestId: query.requestId });
        void this.load();
      }
    },
    show(request: RequestDetail) {
      // Keep the full number the detail view returned; action replies carry it masked.
      const contactMobile = this.data.request?.contactMobile ?? request.contactMobile;
      this.setData({ request: { ...request, contactMobile }, can: allowedMoves(request.actions), busy: false, error: '', note: '' });
    },
    async load() {
      const [result, orgs] = await Promise.all([api.requests.cadreDetail({ requestId: this.data.requestId }), api.account.listOrgs({})]);
      if (orgs.ok) {
        const choices = orgChoices(orgs.data.orgs);
        this.setData({ orgs: choices.orgs, orgNames: choices.names });
      }
      if (result.ok) this.show(result.data);
      else this.setData({ error: result.message });
    },
    async run(call: () => Promise<Reply>) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      const result = await call();
      if (result.ok) this.show(result.data);
      else this.setData({ busy: false, error: result.message });
    },
    onNoteChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value) });
    },
    onAccept() {
      return this.run(() => api.requests.accept({ requestId: this.data.requestId, note: this.data.note }));
    },
    onStart() {
      return this.run(() => api.requests.start({ requestId: this.data.requestId, note: this.data.note }));
    },
    onReply() {
      return this.run(() => api.requests.reply({ requestId: this.data.requestId, note: this.data.note }));
    },
    onResolve() {
      return this.run(() => api.requests.resolve({ requestId: this.data.requestId, note: this.data.note }));
    },
    onDecline() {
      return this.run(() => api.requests.decline({ requestId: this.data.requestId, note: this.data.note }));
    },
    onTransfer() {
      const target = this.data.orgs[this.data.orgIndex];
      if (!target) return this.setData({ error: '请选择转办的工会组织' });
      return this.run(() => api.requests.transfer({ requestId: this.data.requestId, toOrgId: target.id, note: this.data.note }));
    },
  },
});
