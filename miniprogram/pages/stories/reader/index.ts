import type { ReflectionView, StoryOpening } from '../../../../server/contracts/reading';
import { api } from '../../../services/api';
import { showToast } from '../../../services/pageToast';
import { loadLargeFont, saveLargeFont } from '../fontPreference';
import { loadNightMode, saveNightMode } from '../nightModePreference';
import { chunkPatch, positionFromRects, type ParagraphRect } from '../readerPosition';
import { themeName } from '../themeNames';
import { elderMode } from '../../../behaviors/elderMode';

type StoryMeta = Omit<StoryOpening, 'chunk'>;

/** The server counts reading time from these; it ignores repeats within its 30-second slot. */
const heartbeatMs = 30 * 1000;
/** Scroll events come fast; measuring paragraphs at most this often keeps the page smooth. */
const scrollThrottleMs = 300;

interface ReaderState {
  storyId: string;
  position: { paragraph: number; offset: number } | null;
  savedPosition: string;
  timer: number | null;
  lastMeasure: number;
}

/** 阅读: one story, loaded in chunks, resumed where the worker left it on any device. */
Component({
  behaviors: [elderMode],
  data: {
    story: null as StoryMeta | null,
    themeName: '',
    paragraphs: [] as string[],
    imagesAfter: {} as Record<number, string>,
    hasMore: false,
    largeFont: false,
    nightMode: false,
    readPercent: 0,
    loading: true,
    skeletonRows: [{ width: '70%', height: '48rpx' }, { width: '40%', height: '32rpx' }, { width: '100%', height: '400rpx' }],
    liked: false,
    likes: 0,
    favorited: false,
    playing: false,
    error: '',
    myReflections: [] as ReflectionView[],
    /** Where the next page of the worker's own not-yet-approved reflections starts (null: all shown). */
    myReflectionsCursor: null as string | null,
    loadingMine: false,
    reflections: [] as ReflectionView[],
    /** Where the next page of approved reflections starts (null: all shown). */
    reflectionsCursor: null as string | null,
    loadingReflections: false,
    draft: '',
    submitting: false,
    reflectionError: '',
  },
  lifetimes: {
    attached() {
      this.setData({ largeFont: loadLargeFont(), nightMode: loadNightMode() });
    },
    detached() {
      this.stopHeartbeat();
    },
  },
  methods: {
    state(): ReaderState {
      const self = this as unknown as { reader?: ReaderState };
      self.reader ??= { storyId: '', position: null, savedPosition: '', timer: null, lastMeasure: 0 };
      return self.reader;
    },
    async onLoad(options: { storyId?: string }) {
      const storyId = options.storyId ?? '';
      this.state().storyId = storyId;
      this.setData({ loading: true, error: '' });
      const opened = await api.reading.openStory({ storyId });
      if (!opened.ok) return this.setData({ loading: false, error: opened.message });
      const { chunk, ...story } = opened.data;
      const imagesAfter: Record<number, string> = {};
      for (const image of story.images) imagesAfter[image.afterParagraph] = image.fileId;
      this.setData({ loading: false, story, themeName: themeName(story.theme), readPercent: this.percentAt(story.position?.paragraph ?? 0, story.paragraphCount), imagesAfter, liked: story.liked, likes: story.likes, favorited: story.favorited });
      this.state().position = story.position;
      this.state().savedPosition = JSON.stringify(story.position);
      let next = await this.appendChunk(chunk.from, chunk.paragraphs, chunk.next);
      // Paragraphs up to the saved place must be on the page before it can scroll there.
      const target = story.position?.paragraph ?? 0;
      while (next !== null && next <= target) next = await this.loadFrom(next);
      if (story.position) await this.scrollTo(story.position);
      if (next !== null) void this.loadRest(next);
      this.startHeartbeat();
      void this.loadReflections();
    },
    appendChunk(from: number, paragraphs: string[], next: number | null): Promise<number | null> {
      return new Promise((resolve) => this.setData({ ...chunkPatch(from, paragraphs), hasMore: next !== null }, () => resolve(next)));
    },
    async loadFrom(from: number): Promise<number | null> {
      const chunk = await api.reading.getChunk({ storyId: this.state().storyId, from });
      if (!chunk.ok) {
        this.setData({ error: chunk.message, hasMore: false });
        return null;
      }
      return this.appendChunk(chunk.data.from, chunk.data.paragraphs, chunk.data.next);
    },
    async loadRest(from: number | null) {
      for (let next = from; next !== null; ) next = await this.loadFrom(next);
    },
    scrollTo(position: { paragraph: number; offset: number }): Promise<void> {
      return new Promise((resolve) => {
        wx.pageScrollTo({ selector: `#p-${position.paragraph}`, offsetTop: position.offset, duration: 0, complete: () => resolve() });
      });
    },
    onPageScroll() {
      const now = Date.now();
      if (now - this.state().lastMeasure < scrollThrottleMs) return;
      this.state().lastMeasure = now;
      this.measurePosition();
    },
    measurePosition(): Promise<void> {
      return new Promise((resolve) => {
        this.createSelectorQuery()
          .selectAll('.para')
          .boundingClientRect((rects) => {
            const found = positionFromRects((rects ?? []) as unknown as ParagraphRect[]);
            if (found) {
              this.state().position = found;
              const readPercent = this.percentAt(found.paragraph, this.data.story?.paragraphCount ?? 0);
              if (readPercent !== this.data.readPercent) this.setData({ readPercent });
            }
            resolve();
          })
          .exec();
      });
    },
    /** The bar at the top: the share of paragraphs up to the one at the top of the screen. */
    percentAt(paragraph: number, count: number): number {
      return count > 0 ? Math.min(100, Math.round(((paragraph + 1) / count) * 100)) : 0;
    },
    onRetry() {
      void this.onLoad({ storyId: this.state().storyId });
    },
    onToggleNight() {
      const nightMode = !this.data.nightMode;
      saveNightMode(nightMode);
      this.setData({ nightMode });
    },
    onCheckinEntry() {
      void wx.navigateTo({ url: '/pages/stories/checkin/index' });
    },
    onReflectionEntry() {
      wx.pageScrollTo({ selector: '.reflections', duration: 300 });
    },
    async savePosition() {
      const { storyId, position } = this.state();
      const key = JSON.stringify(position);
      if (!storyId || !position || key === this.state().savedPosition) return;
      this.state().savedPosition = key;
      await api.reading.saveProgress({ storyId, paragraph: position.paragraph, offset: position.offset });
    },
    startHeartbeat() {
      this.stopHeartbeat();
      this.state().timer = setInterval(() => {
        void api.reading.heartbeat({ storyId: this.state().storyId });
        void this.savePosition();
      }, heartbeatMs) as unknown as number;
    },
    stopHeartbeat() {
      const { timer } = this.state();
      if (timer !== null) clearInterval(timer);
      this.state().timer = null;
    },
    onShow() {
      if (this.data.story) this.startHeartbeat();
    },
    async onHide() {
      this.stopHeartbeat();
      await this.savePosition();
    },
    async onUnload() {
      this.stopHeartbeat();
      await this.measurePosition();
      await this.savePosition();
    },
    onToggleFont() {
      const largeFont = !this.data.largeFont;
      saveLargeFont(largeFont);
      this.setData({ largeFont });
    },
    async onToggleLike() {
      const result = await api.reading.setLike({ storyId: this.state().storyId, liked: !this.data.liked });
      if (!result.ok) return showToast(this, result.message, 'error');
      this.setData({ liked: result.data.liked, likes: result.data.likes });
      showToast(this, result.data.liked ? '已点赞' : '已取消点赞', 'success', 1000);
    },
    async onToggleFavorite() {
      const result = await api.reading.setFavorite({ storyId: this.state().storyId, favorited: !this.data.favorited });
      if (!result.ok) return showToast(this, result.message, 'error');
      this.setData({ favorited: result.data.favorited });
      showToast(this, result.data.favorited ? '已收藏,可在「我的收藏」找到' : '已取消收藏', 'success', 1500);
    },
    async loadReflections() {
      const result = await api.reading.listReflections({ storyId: this.state().storyId });
      if (result.ok) this.setData({ myReflections: result.data.mine, myReflectionsCursor: result.data.mineNextCursor, reflections: result.data.approved, reflectionsCursor: result.data.nextCursor });
    },
    /** The next page of the worker's own (awaiting a decision or not approved), after the last one shown. */
    async onMoreMine() {
      const cursor = this.data.myReflectionsCursor;
      if (!cursor || this.data.loadingMine) return;
      this.setData({ loadingMine: true });
      const result = await api.reading.listMyReflections({ storyId: this.state().storyId, cursor });
      if (!result.ok) {
        this.setData({ loadingMine: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ loadingMine: false, myReflections: [...this.data.myReflections, ...result.data.reflections], myReflectionsCursor: result.data.nextCursor });
    },
    /** The next page of approved reflections, after the last one shown (time and id, so none is skipped). */
    async onMoreReflections() {
      const cursor = this.data.reflectionsCursor;
      if (!cursor || this.data.loadingReflections) return;
      this.setData({ loadingReflections: true });
      const result = await api.reading.listReflections({ storyId: this.state().storyId, cursor });
      if (!result.ok) {
        this.setData({ loadingReflections: false });
        return showToast(this, result.message, 'error');
      }
      this.setData({ loadingReflections: false, reflections: [...this.data.reflections, ...result.data.approved], reflectionsCursor: result.data.nextCursor });
    },
    onDraftChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ draft: event.detail.value, reflectionError: '' });
    },
    async onSubmitReflection() {
      if (this.data.submitting) return;
      this.setData({ submitting: true, reflectionError: '' });
      // One id per submission: a retry after a lost reply is stored once.
      const clientRequestId = `rf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      const result = await api.reading.writeReflection({ storyId: this.state().storyId, text: this.data.draft, clientRequestId });
      if (!result.ok) return this.setData({ submitting: false, reflectionError: result.message });
      this.setData({ submitting: false, draft: '', myReflections: [result.data, ...this.data.myReflections] });
      showToast(this, '已提交,审核通过后展示', 'success');
    },
    async onToggleAudio() {
      const fileId = this.data.story?.audioFileId;
      if (!fileId) return;
      const player = wx.getBackgroundAudioManager();
      if (this.data.playing) {
        player.pause();
        return this.setData({ playing: false });
      }
      // Background audio wants an https address; a cloud file gets a temporary one.
      const { fileList } = await wx.cloud.getTempFileURL({ fileList: [fileId] });
      const url = fileList[0]?.tempFileURL;
      if (!url) return this.setData({ error: '音频暂时无法播放' });
      player.title = this.data.story?.title ?? '红色故事';
      player.src = url;
      player.onEnded(() => this.setData({ playing: false }));
      player.onPause(() => this.setData({ playing: false }));
      this.setData({ playing: true });
    },
  },
});
