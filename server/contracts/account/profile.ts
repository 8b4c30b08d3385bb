import type { JoinRequestView } from './membership';

/** editor: keeps questions and stories (orgId null: province level); admin with an orgId: that organisation's admin. */
export type Role = 'worker' | 'cadre' | 'admin' | 'editor';

export interface Profile {
  nickname: string;
  /** False while the worker still has the default name (a new worker: the first-run page asks for one). */
  nicknameChosen: boolean;
  /** The avatar others see: set only once WeChat's image check passed. */
  avatarFileId: string | null;
  /** A new avatar is being checked (it shows once the check passes; a refused one is cleared). */
  avatarPending: boolean;
  orgId: string | null;
  orgName: string | null;
  /** A request to join an organisation awaiting a cadre, or the last one declined (with its reason). */
  joinRequest: JoinRequestView | null;
  /** Roles held, with the organisation each cadre role is for. */
  roles: Array<{ role: Role; orgId: string | null }>;
  createdAt: string;
}

export interface OrgNode {
  id: string;
  name: string;
  parentId: string | null;
  kind: 'province' | 'city' | 'industry' | 'grassroots';
}
