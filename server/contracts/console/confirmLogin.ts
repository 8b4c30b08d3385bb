import { z } from 'zod';
import { defineAction } from '../action';
import { loginId } from './loginFields';

/** The cadre confirms on the phone: the console that showed this code logs in as them. */
export const confirmLogin = defineAction<{ confirmed: true }>()({
  input: z.strictObject({ loginId }),
  errors: ['LOGIN_NOT_FOUND', 'LOGIN_EXPIRED', 'LOGIN_USED'],
});

/** The cadre refuses on the phone: the code stops working. */
export const cancelLogin = defineAction<{ cancelled: true }>()({
  input: z.strictObject({ loginId }),
  errors: ['LOGIN_NOT_FOUND'],
});
