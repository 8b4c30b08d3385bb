/** The shape of a question card while it loads (t-skeleton rows). */
export const questionSkeleton = [
  { width: '30%', height: '40rpx' },
  { width: '100%', height: '96rpx' },
  { width: '100%', height: '88rpx' },
  { width: '100%', height: '88rpx' },
  { width: '100%', height: '88rpx' },
];
