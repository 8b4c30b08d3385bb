import { z } from 'zod';
import { defineAction } from '../action';

/** The mini program code on the result poster: a stored image and a temporary URL to draw it from. */
export interface PosterCode {
  fileId: string;
  /** A temporary download URL (about two hours): the poster is drawn right after asking. */
  url: string;
}

/**
 * The caller's poster code, opening the 学习 home. Takes nothing: the scene is derived from the
 * caller's identity on the server, so a client cannot have codes made for scenes of its choosing.
 */
export const posterCode = defineAction<PosterCode>()({
  input: z.strictObject({}),
  errors: ['CODE_UNAVAILABLE'],
});
