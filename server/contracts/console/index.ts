export { describeLogin } from './describeLogin';
export { confirmLogin, cancelLogin } from './confirmLogin';
export { loginId, type LoginStatus, type LoginRequestView } from './loginFields';
