export { listBankQuestions } from './listBankQuestions';
export { getBankQuestion } from './getBankQuestion';
export { saveBankQuestion } from './saveBankQuestion';
export { setQuestionRetired } from './setQuestionRetired';
export { importBankQuestions, importFileMaxChars, type ImportReport } from './importBankQuestions';
export { exportBankQuestions } from './exportBankQuestions';
export { listQuestionReports, type ReportGroup } from './listQuestionReports';
export { closeQuestionReports } from './closeQuestionReports';
export type { EditorQuestion, ImportRowReport } from './bankTypes';
