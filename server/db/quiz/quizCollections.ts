/** Collections of the quiz (declared in database/collections.json). */
export const quizCollections = {
  questions: 'questions',
  attempts: 'attempts',
  wrongBook: 'wrong_book',
  seen: 'quiz_seen',
  reports: 'questionReports',
  reportCounts: 'questionReportCounts',
  posterCodes: 'poster_codes',
  /** Participation per (contest, organisation): see db/quiz/contestTallies.ts. */
  contestTallies: 'contest_tallies',
} as const;
