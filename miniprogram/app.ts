import { cloudEnvId } from './config/env';
import { listenForPrivacyRequests } from './services/privacy';

App({
  onLaunch() {
    wx.cloud.init({ env: cloudEnvId, traceUser: true });
    listenForPrivacyRequests();
  },
});
