import { randomBytes } from 'node:crypto';
import { isPlainObject } from '../store/bsonValues';

/** What the harness's wx.cloud.CloudID(id) puts in callFunction data. */
export const CLOUD_ID_MARKER = '__localCloudID';

/** WeChat's errCode for a cloudID the caller may not open. */
const NOT_ISSUED_TO_CALLER = -601006;

/**
 * Group cloudIDs, as the share flow hands them out (wx.getShareInfo / wx.getGroupEnterInfo): each
 * belongs to the user it was issued to. As on the platform, a CloudID in the top level of the
 * callFunction data reaches the function decrypted into { cloudID, data: { openGId } }.
 */
export class GroupCloudIds {
  private readonly issued = new Map<string, { openid: string; openGId: string }>();

  issue(openid: string, openGId: string): string {
    const id = `local-cloudid-${randomBytes(12).toString('hex')}`;
    this.issued.set(id, { openid, openGId });
    return id;
  }

  /** Replaces top-level CloudID markers; nested ones stay as they are, as on the platform. */
  resolveIn(data: unknown, openid: string): unknown {
    if (!isPlainObject(data)) return data;
    const resolved: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(data)) {
      const id = isPlainObject(value) && Object.keys(value).length === 1 ? value[CLOUD_ID_MARKER] : undefined;
      resolved[field] = typeof id === 'string' ? this.open(id, openid) : value;
    }
    return resolved;
  }

  /** What the platform gives for this cloudID to this user: the open data, or an error object. */
  open(cloudID: string, openid: string): Record<string, unknown> {
    const entry = this.issued.get(cloudID);
    if (!entry || entry.openid !== openid) {
      return { cloudID, errCode: NOT_ISSUED_TO_CALLER, errMsg: 'cloudID not issued to this user' };
    }
    return { cloudID, data: { openGId: entry.openGId } };
  }
}
