import * as account from './account';

/** Every cloud function (a domain) and its actions. The api client and the routers read this one map. */
export const contracts = {
  account: { getProfile: account.getProfile, updateProfile: account.updateProfile, listOrgs: account.listOrgs },
};

export type Contracts = typeof contracts;
export type Domain = keyof Contracts;
export * from './action';
