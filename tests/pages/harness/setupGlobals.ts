/**
 * Runs before each page test file, before miniprogram-simulate loads: simulate copies whatever
 * global.wx holds into its own wx, so wx.cloud must exist first. The simulator has no App(),
 * getApp() or getCurrentPages(): pages are written with Component() and get these stand-ins.
 */
const notConnected = () => Promise.reject(new Error('wx.cloud is not connected: call actAs() from tests/pages/harness/pageCloud'));

Object.assign(globalThis, {
  wx: { cloud: { init: () => undefined, callFunction: notConnected, uploadFile: notConnected, CloudID: (cloudID: string) => ({ __localCloudID: cloudID }) } },
  getApp: () => ({ globalData: {} }),
  getCurrentPages: () => [],
});
