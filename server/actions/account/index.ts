export { getProfile } from './getProfile';
export { updateProfile } from './updateProfile';
export { listOrgs } from './listOrgs';
