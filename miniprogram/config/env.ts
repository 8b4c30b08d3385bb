/**
 * The CloudBase environment id of this mini program. Set it once per deployment (see README);
 * wx.cloud.DYNAMIC_CURRENT_ENV would pick the first environment, which is wrong with several.
 */
export const cloudEnvId = 'zhigong-zhijia-prod';
