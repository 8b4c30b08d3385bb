import { createRouter, createWebHashHistory } from 'vue-router';
import { whenSessionEnds } from './api';
import { loadSession, me } from './session';

/**
 * Hash routes: static hosting serves one index.html with no rewrite rules. Every page but the
 * login is its own chunk, loaded when opened (ECharts only with the dashboard).
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', redirect: '/requests' },
    { path: '/requests', component: () => import('./pages/RequestsPage.vue'), meta: { title: '诉求办理' } },
    { path: '/dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { title: '统计分析' } },
    { path: '/stories', component: () => import('./pages/StoriesPage.vue'), meta: { title: '红色故事' } },
    { path: '/contests', component: () => import('./pages/ContestsPage.vue'), meta: { title: '竞赛管理' } },
    { path: '/questions', component: () => import('./pages/QuestionsPage.vue'), meta: { title: '题库管理' } },
    { path: '/membership', component: () => import('./pages/MembershipPage.vue'), meta: { title: '入会审核' } },
    { path: '/reflections', component: () => import('./pages/ReflectionsPage.vue'), meta: { title: '读后感审核' } },
    { path: '/reports', component: () => import('./pages/ReportsPage.vue'), meta: { title: '题目纠错' } },
    { path: '/roles', component: () => import('./pages/RolesPage.vue'), meta: { title: '权限管理' } },
    { path: '/:rest(.*)*', redirect: '/requests' },
  ],
});

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!me.value && !(await loadSession())) return { path: '/login', query: { next: to.fullPath } };
  return true;
});

whenSessionEnds(() => {
  me.value = null;
  void router.push({ path: '/login', query: { ended: '1' } });
});
