import * as account from './account';
import * as consoleLogin from './console';
import * as reading from './reading';
import * as quiz from './quiz';
import * as requests from './requests';

/** Every cloud function (a domain) and its actions. The api client and the routers read this one map. */
export const contracts = {
  account: {
    getProfile: account.getProfile, updateProfile: account.updateProfile, listOrgs: account.listOrgs, listPointsHistory: account.listPointsHistory,
    requestOrgJoin: account.requestOrgJoin, listJoinRequests: account.listJoinRequests, countJoinRequests: account.countJoinRequests, decideJoinRequest: account.decideJoinRequest, importRoster: account.importRoster,
    findPeople: account.findPeople, listRoles: account.listRoles, grantRole: account.grantRole, revokeRole: account.revokeRole, auditLog: account.auditLog,
    // Subscription quota and the 消息 centre.
    recordSubscriptions: account.recordSubscriptions, listMessages: account.listMessages, unreadCount: account.unreadCount, markMessagesRead: account.markMessagesRead,
  },
  reading: {
    listStories: reading.listStories, searchStories: reading.searchStories, getHome: reading.getHome, openStory: reading.openStory, getChunk: reading.getChunk,
    saveProgress: reading.saveProgress, heartbeat: reading.heartbeat, setLike: reading.setLike, setFavorite: reading.setFavorite,
    listFavorites: reading.listFavorites, checkIn: reading.checkIn, getCheckinMonth: reading.getCheckinMonth,
    writeReflection: reading.writeReflection, listReflections: reading.listReflections, listMyReflections: reading.listMyReflections, listPendingReflections: reading.listPendingReflections,
    moderateReflection: reading.moderateReflection, saveStory: reading.saveStory, setStoryPublished: reading.setStoryPublished, listAllStories: reading.listAllStories,
    getEditableStory: reading.getEditableStory, uploadStoryMedia: reading.uploadStoryMedia,
  },
  quiz: {
    startDaily: quiz.startDaily, submitAttempt: quiz.submitAttempt, getAttemptResult: quiz.getAttemptResult, getAttemptDeadline: quiz.getAttemptDeadline, getDailyStatus: quiz.getDailyStatus,
    getLeaderboard: quiz.getLeaderboard, joinGroup: quiz.joinGroup,
    practiceNext: quiz.practiceNext, practiceAnswer: quiz.practiceAnswer, challengeStart: quiz.challengeStart, challengeAnswer: quiz.challengeAnswer,
    listWrongBook: quiz.listWrongBook, createContest: quiz.createContest, listContests: quiz.listContests, startContest: quiz.startContest,
    getContestRanking: quiz.getContestRanking, listManagedContests: quiz.listManagedContests, getContestParticipation: quiz.getContestParticipation, closeContest: quiz.closeContest,
    browseQuestions: quiz.browseQuestions, reportQuestion: quiz.reportQuestion, listMyReports: quiz.listMyReports, listMyContests: quiz.listMyContests, posterCode: quiz.posterCode, posterInviter: quiz.posterInviter,
    // The question bank and the 纠错 queue, for content editors (the web console).
    listBankQuestions: quiz.listBankQuestions, getBankQuestion: quiz.getBankQuestion, saveBankQuestion: quiz.saveBankQuestion, setQuestionRetired: quiz.setQuestionRetired,
    importBankQuestions: quiz.importBankQuestions, exportBankQuestions: quiz.exportBankQuestions, listQuestionReports: quiz.listQuestionReports, closeQuestionReports: quiz.closeQuestionReports,
  },
  requests: {
    submit: requests.submit, formOptions: requests.formOptions, listMine: requests.listMine, detail: requests.detail, withdraw: requests.withdraw, confirm: requests.confirm,
    reopen: requests.reopen, rate: requests.rate, cadreDetail: requests.cadreDetail, dashboard: requests.dashboard, exportXlsx: requests.exportXlsx,
    listCadres: requests.listCadres, grantCadre: requests.grantCadre, revokeCadre: requests.revokeCadre, accept: requests.accept,
    reply: requests.reply, start: requests.start, resolve: requests.resolve, transfer: requests.transfer, decline: requests.decline,
    queuePage: requests.queuePage, listAssignees: requests.listAssignees, assign: requests.assign, followUp: requests.followUp, replyTemplates: requests.replyTemplates, deskStats: requests.deskStats,
  },
  /** The mini program's side of the web console's scan login (the console itself calls over HTTP). */
  console: { describeLogin: consoleLogin.describeLogin, confirmLogin: consoleLogin.confirmLogin, cancelLogin: consoleLogin.cancelLogin },
};

export type Contracts = typeof contracts;
export type Domain = keyof Contracts;
export * from './action';
