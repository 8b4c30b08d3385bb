import { storyProgress } from '../../server/domain/reading/storyProgress';

describe('a story card shows how far the worker has read', () => {
  test('half the counted reading time of a four-minute story is 50 %, not finished', () => {
    expect(storyProgress(120, 4)).toEqual({ percent: 50, finished: false });
  });

  test('a story is finished once its whole reading time is counted, and never shows more than 100 %', () => {
    expect(storyProgress(240, 4)).toEqual({ percent: 100, finished: true });
    expect(storyProgress(9999, 4)).toEqual({ percent: 100, finished: true });
  });

  test('a story one second short of the end is 99 %, never a rounded 100 % that is not finished', () => {
    expect(storyProgress(239, 4)).toEqual({ percent: 99, finished: false });
  });

  test('a zero-minute story still needs a minute; an opened story with no time counted is 0 %', () => {
    expect(storyProgress(30, 0)).toEqual({ percent: 50, finished: false });
    expect(storyProgress(0, 5)).toEqual({ percent: 0, finished: false });
  });
});
