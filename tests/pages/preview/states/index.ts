import type { PagePreview } from '../previewTypes';
import { cadreConsoleLogin, cadreContests, cadreDashboard, cadreHome, cadreMembership, cadreModeration, cadreQueue, cadreRoles, cadreStories } from './cadre';
import { me } from './me';
import { messages } from './messages';
import { onboarding } from './onboarding';
import { quizAnswer, quizChallenge, quizLeaderboard, quizMyContests, quizPractice, quizReports, quizResult, quizStudy, quizWrongbook } from './quiz';
import { reading } from './reading';
import { cadreRequestDetail, requestDetail, requestForm, requestList } from './requests';
import { service } from './service';
import { storyCheckin, storyFavorites, storyList, storyReader } from './stories';
import { study } from './study';

/** Every page's states, in app.json order (a test checks that no page is missing). */
export const previews: PagePreview[] = [
  study, reading, service, requestForm, requestList, requestDetail, me, messages,
  storyList, storyReader, storyFavorites, storyCheckin,
  quizAnswer, quizResult, quizLeaderboard, quizPractice, quizChallenge, quizWrongbook, quizStudy, quizReports, quizMyContests, onboarding,
  cadreHome, cadreQueue, cadreRequestDetail, cadreDashboard, cadreRoles, cadreMembership, cadreModeration, cadreStories, cadreContests, cadreConsoleLogin,
];
