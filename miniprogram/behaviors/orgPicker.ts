import type { OrgNode } from '../../server/contracts/account';
import type { CascaderOption } from '../services/orgTree';

/**
 * The union-organisation field of a form (我的, onboarding, the request form): a cell that opens a
 * t-cascader over the tree, and the chosen union kept as orgId / orgLabel. The page fills `orgs` and
 * `orgOptions` when it loads; it overrides `orgChosen` with the data a new choice also changes.
 */
export const orgPicker = Behavior({
  data: {
    orgs: [] as OrgNode[],
    orgOptions: [] as CascaderOption[],
    orgPickerVisible: false,
    orgId: '',
    orgLabel: '请选择',
  },
  methods: {
    onOpenOrgs() {
      this.setData({ orgPickerVisible: true });
    },
    onCloseOrgs() {
      this.setData({ orgPickerVisible: false });
    },
    /** t-cascader's change: the value of the chosen leaf (a union, or a union's own 本级 entry). */
    onOrgPicked(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const org = this.data.orgs.find((o) => o.id === event.detail.value);
      if (!org) return;
      // One setData with the page's own changes: t-cascader emits its change from a setData callback,
      // and the page's re-render should not run twice under it.
      this.setData({ orgId: org.id, orgLabel: org.name, orgPickerVisible: false, ...this.orgChosen() });
    },
    /** What a new choice also changes on the page (clear an error, mark unsaved); nothing by default. */
    orgChosen(): Record<string, unknown> {
      return {};
    },
  },
});
