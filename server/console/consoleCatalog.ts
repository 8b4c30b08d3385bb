import * as accountActions from '../actions/account';
import * as quizActions from '../actions/quiz';
import * as readingActions from '../actions/reading';
import * as requestActions from '../actions/requests';
import { contracts, type ActionContract, type Contracts } from '../contracts';
import type { ActionContext } from '../runtime/context';

export interface CatalogEntry {
  contract: ActionContract;
  handler: (input: unknown, ctx: ActionContext) => Promise<unknown>;
  /** Changes state (or hands out personal data): written to the audit log. */
  audited: boolean;
}

type Handlers<D extends keyof Contracts> = { [A in keyof Contracts[D]]?: unknown };

/**
 * The actions the web console may call, each the same contract and handler the mini program's
 * function uses: the console adds no rule of its own. Worker-only actions are not listed.
 */
function expose<D extends keyof Contracts>(domain: D, handlers: Handlers<D>, reads: Array<keyof Contracts[D] & string>, writes: Array<keyof Contracts[D] & string>): Record<string, CatalogEntry> {
  const table = contracts[domain] as Record<string, ActionContract>;
  const entry = (action: string, audited: boolean): [string, CatalogEntry] => [
    action,
    { contract: table[action] as ActionContract, handler: (handlers as Record<string, CatalogEntry['handler']>)[action] as CatalogEntry['handler'], audited },
  ];
  return Object.fromEntries([...reads.map((a) => entry(a, false)), ...writes.map((a) => entry(a, true))]);
}

export const consoleCatalog: Record<string, Record<string, CatalogEntry>> = {
  account: expose('account', accountActions, ['getProfile', 'listOrgs', 'findPeople', 'listRoles', 'auditLog', 'listJoinRequests', 'countJoinRequests'], ['grantRole', 'revokeRole', 'decideJoinRequest']),
  requests: expose('requests', requestActions, ['queuePage', 'cadreDetail', 'dashboard', 'deskStats', 'listCadres', 'formOptions', 'listAssignees', 'replyTemplates'], ['assign', 'followUp', 'accept', 'reply', 'start', 'resolve', 'transfer', 'decline', 'grantCadre', 'revokeCadre', 'exportXlsx']),
  reading: expose('reading', readingActions, ['listAllStories', 'getEditableStory', 'listPendingReflections'], ['saveStory', 'setStoryPublished', 'uploadStoryMedia', 'moderateReflection']),
  quiz: expose(
    'quiz',
    quizActions,
    ['listManagedContests', 'getContestRanking', 'getContestParticipation', 'listBankQuestions', 'getBankQuestion', 'listQuestionReports'],
    ['createContest', 'closeContest', 'saveBankQuestion', 'setQuestionRetired', 'importBankQuestions', 'exportBankQuestions', 'closeQuestionReports'],
  ),
};

export function catalogEntry(domain: string, action: string): CatalogEntry | null {
  const table = Object.prototype.hasOwnProperty.call(consoleCatalog, domain) ? consoleCatalog[domain] : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, action) ? (table[action] ?? null) : null;
}
