import { cloudEnvId } from './config/env';

App({
  onLaunch() {
    wx.cloud.init({ env: cloudEnvId, traceUser: true });
  },
});
