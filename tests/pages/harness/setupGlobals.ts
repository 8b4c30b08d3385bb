/**
 * Runs before each page test file, before miniprogram-simulate loads: simulate copies whatever
 * global.wx holds into its own wx, so wx.cloud must exist first. The simulator has no App(),
 * getApp() or getCurrentPages(): pages are written with Component() and get these stand-ins.
 * Its storage calls do nothing; a phone keeps what a page stores (长辈模式, the reader's font
 * size), so storage here is a real in-memory store, JSON round-tripped as WeChat's is.
 */
const notConnected = () => Promise.reject(new Error('wx.cloud is not connected: call actAs() from tests/pages/harness/pageCloud'));

const stored = new Map<string, string>();

Object.assign(globalThis, {
  wx: {
    cloud: { init: () => undefined, callFunction: notConnected, uploadFile: notConnected, CloudID: (cloudID: string) => ({ __localCloudID: cloudID }) },
    setStorageSync: (key: string, value: unknown) => void stored.set(key, JSON.stringify(value)),
    getStorageSync: (key: string): unknown => (stored.has(key) ? JSON.parse(stored.get(key)!) : ''),
    removeStorageSync: (key: string) => void stored.delete(key),
    clearStorageSync: () => stored.clear(),
  },
  getApp: () => ({ globalData: {} }),
  getCurrentPages: () => [],
});
