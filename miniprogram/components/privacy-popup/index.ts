import { markPrivacyAgreed, openPrivacyContract, privacyState, registerPrivacyPrompt, type PrivacyPrompt } from '../../services/privacy';

/**
 * The privacy popup: put one on every page that uses a privacy-scoped API or component. It asks
 * when a page calls ensurePrivacyConsent() (or WeChat reports a privacy call), and with `ask-on-show`
 * it asks on a first visit by itself. The agree button is WeChat's agreePrivacyAuthorization.
 */
Component({
  properties: {
    askOnShow: { type: Boolean, value: false },
  },
  data: {
    visible: false,
    contractName: '《职工之家隐私保护指引》',
  },
  lifetimes: {
    attached() {
      const self = this as unknown as { answer?: (ok: boolean) => void; prompt?: PrivacyPrompt };
      self.prompt = () =>
        new Promise<boolean>((resolve) => {
          self.answer?.(false);
          self.answer = resolve;
          this.setData({ visible: true });
        });
      registerPrivacyPrompt(self.prompt);
      void this.checkOnShow();
    },
    detached() {
      const self = this as unknown as { prompt?: PrivacyPrompt };
      registerPrivacyPrompt(null, self.prompt);
    },
  },
  pageLifetimes: {
    show() {
      const self = this as unknown as { prompt?: PrivacyPrompt };
      if (self.prompt) registerPrivacyPrompt(self.prompt);
    },
  },
  methods: {
    async checkOnShow() {
      const state = await privacyState();
      this.setData({ contractName: state.contractName });
      if (this.data.askOnShow && state.needAuthorization) this.setData({ visible: true });
    },
    finish(ok: boolean) {
      const self = this as unknown as { answer?: (ok: boolean) => void };
      this.setData({ visible: false });
      const answer = self.answer;
      self.answer = undefined;
      answer?.(ok);
      this.triggerEvent(ok ? 'agree' : 'disagree');
    },
    onAgree() {
      markPrivacyAgreed();
      this.finish(true);
    },
    onDisagree() {
      this.finish(false);
      wx.showToast({ title: '未同意隐私指引,相关功能暂不可用', icon: 'none' });
    },
    onOpenContract() {
      openPrivacyContract();
    },
  },
});
