export { describeLogin } from './describeLogin';
export { confirmLogin, cancelLogin } from './confirmLogin';
