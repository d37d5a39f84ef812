import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { RequireAuth } from '../modules/auth/RequireAuth';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

// One chunk per page, loaded when its route is first visited.
const LoginPage = lazy(() => import('../modules/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('../modules/home/HomePage').then((m) => ({ default: m.HomePage })));
const RegionsPage = lazy(() => import('../modules/regions/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const ProjectsPage = lazy(() => import('../modules/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('../modules/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })));

function StandaloneFallback() {
  const { t } = useTranslation();
  return <LoadingState label={t('common.loading')} fullPage />;
}

// Paths here and in navigation.ts go together: a menu entry needs a route.
export const appRoutes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<StandaloneFallback />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
