import type { ServiceLevelPreview } from '../../../../server/contracts/requests';
import { elderMode } from '../../../behaviors/elderMode';
import { orgPicker } from '../../../behaviors/orgPicker';
import { api } from '../../../services/api';
import { askForSubscription } from '../../../services/subscribe';
import { showToast } from '../../../services/pageToast';
import { uploadPhoto } from '../../../services/photoUpload';
import { ensurePrivacyConsent, privacyState } from '../../../services/privacy';
import { orgTree } from '../../../services/orgTree';
import { categoryCells, type CategoryCell } from '../../../services/requestCategories';
import { checkField, checkForm, newClientRequestId, type RequestFormValues } from './formChecks';

type TextField = 'title' | 'description' | 'contactName' | 'contactMobile' | 'place';

/** A photo in t-upload's terms: the local path for the thumbnail, the cloud file id once uploaded. */
interface PhotoFile {
  url: string;
  name: string;
  type: 'image';
  status: 'loading' | 'done' | 'failed';
  percent: number;
  fileID: string;
}

const maxPhotos = 9;

/**
 * The request form: a category grid, the fields with counts and inline hints, up to 9 photos
 * uploaded with progress, the service levels the union promises, then submit once.
 */
Component({
  behaviors: [elderMode, orgPicker],
  properties: {
    category: { type: String, value: '' },
  },
  data: {
    loading: true,
    loadError: '',
    categories: [] as CategoryCell[],
    categoryIndex: -1,
    serviceLevels: null as ServiceLevelPreview | null,
    title: '',
    description: '',
    contactName: '',
    contactMobile: '',
    place: '',
    files: [] as PhotoFile[],
    uploadConfig: { sizeType: ['compressed'] },
    privacyAgreed: false,
    errors: {} as Record<string, string>,
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
      const [options, orgs, profile, privacy] = await Promise.all([api.requests.formOptions({}), api.account.listOrgs({}), api.account.getProfile({}), privacyState()]);
      if (!options.ok) return this.setData({ loading: false, loadError: options.message });
      if (!orgs.ok) return this.setData({ loading: false, loadError: orgs.message });
      // The worker's own organisation is the usual addressee: chosen already, changeable.
      const own = profile.ok ? orgs.data.orgs.find((o) => o.id === profile.data.orgId) : undefined;
      const preset = this.data.category;
      this.setData({
        loading: false,
        loadError: '',
        categories: categoryCells(options.data.categories),
        categoryIndex: options.data.categories.findIndex((c) => c.key === preset),
        serviceLevels: options.data.serviceLevels,
        uploadFolder: options.data.uploadFolder,
        orgs: orgs.data.orgs,
        orgOptions: orgTree(orgs.data.orgs),
        orgId: own?.id ?? '',
        orgLabel: own?.name ?? '请选择',
        privacyAgreed: !privacy.needAuthorization,
      });
    },
    onRetry() {
      this.setData({ loading: true, loadError: '' });
      return this.load();
    },
    onCategoryTap(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      this.setData({ categoryIndex: Number(event.currentTarget.dataset.index), 'errors.categoryIndex': '' });
    },
    orgChosen() {
      return { 'errors.orgId': '' };
    },
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
      const field = event.currentTarget.dataset.field;
      const value = event.detail.value;
      const hint = field === 'place' ? '' : checkField(field, value);
      this.setData({ [field]: value, [`errors.${field}`]: hint });
    },
    /** The add cell before the privacy agreement: ask first, then open t-upload's own picker. */
    async onChoosePhotos() {
      if (this.data.files.length >= maxPhotos) return;
      // Choosing photos is privacy-scoped: only after the worker agreed to the privacy guide.
      if (!(await ensurePrivacyConsent())) return;
      this.setData({ privacyAgreed: true });
      const upload = this.selectComponent('.photo-upload') as { onAddTap?(): void } | null;
      upload?.onAddTap?.();
    },
    onPhotosAdded(event: WechatMiniprogram.CustomEvent<{ files: Array<{ url: string; name?: string }> }>) {
      const room = maxPhotos - this.data.files.length;
      const added: PhotoFile[] = event.detail.files.slice(0, room).map((f, i) => ({ url: f.url, name: f.name ?? `photo-${i}`, type: 'image', status: 'loading', percent: 0, fileID: '' }));
      const start = this.data.files.length;
      this.setData({ files: [...this.data.files, ...added] });
      added.forEach((file, i) => void this.upload(file, start + i));
    },
    async upload(file: PhotoFile, slot: number) {
      const extension = /\.[a-z0-9]+$/i.exec(file.url)?.[0] ?? '.jpg';
      const cloudPath = `${this.data.uploadFolder}${this.data.clientRequestId}-${Date.now().toString(36)}-${slot}${extension}`;
      // The slot may move when an earlier photo is deleted: find the file by its local path.
      const indexOf = () => this.data.files.findIndex((f) => f.url === file.url);
      try {
        const fileID = await uploadPhoto(cloudPath, file.url, (percent) => {
          const index = indexOf();
          if (index >= 0) this.setData({ [`files[${index}].percent`]: percent });
        });
        const index = indexOf();
        if (index >= 0) this.setData({ [`files[${index}]`]: { ...this.data.files[index], status: 'done', percent: 100, fileID } });
      } catch (error) {
        console.warn('photo upload failed', error);
        const index = indexOf();
        if (index >= 0) this.setData({ [`files[${index}].status`]: 'failed' });
        showToast(this, '照片上传失败,请删除后重试', 'error');
      }
    },
    onPhotoRemoved(event: WechatMiniprogram.CustomEvent<{ index: number }>) {
      this.setData({ files: this.data.files.filter((_f, i) => i !== event.detail.index) });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const values: RequestFormValues = this.data;
      const errors = checkForm(values);
      if (Object.keys(errors).length > 0) {
        this.setData({ errors, error: '请按提示修改后再提交' });
        return showToast(this, '请按提示修改后再提交', 'warning');
      }
      if (this.data.files.some((f) => f.status === 'loading')) return showToast(this, '照片还在上传,请稍候', 'warning');
      if (this.data.files.some((f) => f.status === 'failed')) return showToast(this, '有照片上传失败,请删除后再提交', 'warning');
      this.setData({ submitting: true, error: '' });
      // One more progress notice allowed; it must follow the tap, and a refusal still submits.
      await askForSubscription('filing');
      const result = await api.requests.submit({
        category: this.data.categories[this.data.categoryIndex].key,
        orgId: this.data.orgId,
        title: this.data.title,
        description: this.data.description,
        contactName: this.data.contactName,
        contactMobile: this.data.contactMobile,
        place: this.data.place,
        photos: this.data.files.map((f) => f.fileID),
        clientRequestId: this.data.clientRequestId,
      });
      if (!result.ok) {
        this.setData({ submitting: false, error: result.message });
        return showToast(this, result.message, 'error');
      }
      this.setData({ submitting: false, submittedId: result.data.id });
      showToast(this, '诉求已提交', 'success');
      if (typeof wx.redirectTo === 'function') wx.redirectTo({ url: `/pages/requests/detail/index?requestId=${result.data.id}`, fail: () => undefined });
    },
  },
});
