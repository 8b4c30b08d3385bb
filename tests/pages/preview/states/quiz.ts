import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

// The quiz pages' own states (mid-answer, after review, each leaderboard scope) belong with them.
export const quizAnswer: PagePreview = { page: 'pages/quiz/answer/index', states: [...contentAndError] };
export const quizResult: PagePreview = { page: 'pages/quiz/result/index', states: [...contentAndError] };
export const quizLeaderboard: PagePreview = { page: 'pages/quiz/leaderboard/index', states: [...contentAndError] };
export const quizPractice: PagePreview = { page: 'pages/quiz/practice/index', states: [...contentAndError] };
export const quizChallenge: PagePreview = { page: 'pages/quiz/challenge/index', states: [...contentAndError] };
export const quizWrongbook: PagePreview = { page: 'pages/quiz/wrongbook/index', states: [...contentAndError] };
