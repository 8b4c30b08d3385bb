import { z } from 'zod';
import { defineAction } from '../action';
import { loginId, type LoginRequestView } from './loginFields';

/** The phone, after scanning a console's code: which login is this, and may I confirm it. */
export const describeLogin = defineAction<LoginRequestView>()({
  input: z.strictObject({ loginId }),
  errors: ['LOGIN_NOT_FOUND'],
});
