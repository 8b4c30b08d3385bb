import type { OrgNode } from '../../../../server/contracts/account';
import type { RequestCategory } from '../../../../server/contracts/requests';
import { api } from '../../../services/api';
import { ensurePrivacyConsent } from '../../../services/privacy';
import { orgChoices } from '../../../services/orgChoices';
import { checkField, checkForm, newClientRequestId, type RequestFormValues } from './formChecks';

type TextField = 'title' | 'description' | 'contactName' | 'contactMobile' | 'place';

/** The request form: fields with inline hints, up to 9 photos, then submit once. */
Component({
  properties: {
    category: { type: String, value: '' },
  },
  data: {
    categories: [] as Array<{ key: RequestCategory; label: string }>,
    categoryLabels: [] as string[],
    categoryIndex: -1,
    orgs: [] as OrgNode[],
    orgNames: [] as string[],
    orgIndex: -1,
    title: '',
    description: '',
    contactName: '',
    contactMobile: '',
    place: '',
    photos: [] as string[],
    errors: {} as Record<string, string>,
    templateIds: [] as string[],
    uploadFolder: '',
    clientRequestId: '',
    submitting: false,
    submittedId: '',
    error: '',
  },
  lifetimes: {
    attached() {
      this.setData({ clientRequestId: newClientRequestId(Date.now(), Math.random) });
      void this.load();
    },
  },
  methods: {
    async load() {
      const [options, orgs, profile] = await Promise.all([api.requests.formOptions({}), api.account.listOrgs({}), api.account.getProfile({})]);
      if (!options.ok) return this.setData({ error: options.message });
      if (!orgs.ok) return this.setData({ error: orgs.message });
      const choices = orgChoices(orgs.data.orgs);
      const preset = this.data.category;
      this.setData({
        categories: options.data.categories,
        categoryLabels: options.data.categories.map((c) => c.label),
        categoryIndex: options.data.categories.findIndex((c) => c.key === preset),
        templateIds: options.data.subscribeTemplateIds,
        uploadFolder: options.data.uploadFolder,
        orgs: choices.orgs,
        orgNames: choices.names,
        orgIndex: profile.ok ? choices.orgs.findIndex((o) => o.id === profile.data.orgId) : -1,
      });
    },
    onCategoryChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(event.detail.value), 'errors.categoryIndex': '' });
    },
    onOrgChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(event.detail.value), 'errors.orgIndex': '' });
    },
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
      const field = event.currentTarget.dataset.field;
      const value = event.detail.value;
      const hint = field === 'place' ? '' : checkField(field, value);
      this.setData({ [field]: value, [`errors.${field}`]: hint });
    },
    async onChoosePhotos() {
      const room = 9 - this.data.photos.length;
      if (room <= 0) return;
      // Choosing photos is privacy-scoped: only after the worker agreed to the privacy guide.
      if (!(await ensurePrivacyConsent())) return;
      try {
        const chosen = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
        const uploaded: string[] = [];
        for (const [index, file] of chosen.tempFiles.entries()) {
          const extension = /\.[a-z0-9]+$/i.exec(file.tempFilePath)?.[0] ?? '.jpg';
          const cloudPath = `${this.data.uploadFolder}${this.data.clientRequestId}-${this.data.photos.length + index}${extension}`;
          const result = await wx.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath });
          uploaded.push(result.fileID);
        }
        this.setData({ photos: [...this.data.photos, ...uploaded].slice(0, 9) });
      } catch (error) {
        console.warn('photo upload failed', error);
        this.setData({ error: '照片上传失败,请重试' });
      }
    },
    onRemovePhoto(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== Number(event.currentTarget.dataset.index)) });
    },
    async askForSubscription() {
      // One-time subscription; it must follow a tap, and a refusal still lets the worker submit.
      if (typeof wx.requestSubscribeMessage !== 'function' || this.data.templateIds.length === 0) return;
      try {
        await wx.requestSubscribeMessage({ tmplIds: this.data.templateIds });
      } catch (error) {
        console.warn('subscription not granted', error);
      }
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const values: RequestFormValues = this.data;
      const errors = checkForm(values);
      if (Object.keys(errors).length > 0) return this.setData({ errors, error: '请按提示修改后再提交' });
      this.setData({ submitting: true, error: '' });
      await this.askForSubscription();
      const result = await api.requests.submit({
        category: this.data.categories[this.data.categoryIndex].key,
        orgId: this.data.orgs[this.data.orgIndex].id,
        title: this.data.title,
        description: this.data.description,
        contactName: this.data.contactName,
        contactMobile: this.data.contactMobile,
        place: this.data.place,
        photos: this.data.photos,
        clientRequestId: this.data.clientRequestId,
      });
      if (!result.ok) return this.setData({ submitting: false, error: result.message });
      this.setData({ submitting: false, submittedId: result.data.id });
      if (typeof wx.redirectTo === 'function') wx.redirectTo({ url: `/pages/requests/detail/index?requestId=${result.data.id}`, fail: () => undefined });
    },
  },
});
