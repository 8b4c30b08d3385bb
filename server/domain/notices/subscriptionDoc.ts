/**
 * What the server believes WeChat still allows: per worker and template, the acceptances the pages
 * reported minus the messages sent. WeChat is the authority: a 43101 sets it to 0.
 */
export interface SubscriptionDoc {
  /** subscriptionIdOf(openid, templateId). */
  _id: string;
  openid: string;
  templateId: string;
  quota: number;
  updatedAt: Date;
}
