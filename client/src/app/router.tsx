import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { RequireAuth } from '../modules/auth/RequireAuth';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

// One chunk per page, loaded when its route is first visited.
const LoginPage = lazy(() => import('../modules/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
// The dashboard is everyone's landing page after sign-in.
const DashboardPage = lazy(() =>
  import('../modules/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const RegionsPage = lazy(() => import('../modules/regions/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const ProjectsPage = lazy(() => import('../modules/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('../modules/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })));
const NewProjectPage = lazy(() =>
  import('../modules/projects/ProjectFormPage').then((m) => ({ default: m.NewProjectPage })),
);
const EditProjectPage = lazy(() =>
  import('../modules/projects/ProjectFormPage').then((m) => ({ default: m.EditProjectPage })),
);
const FundPage = lazy(() => import('../modules/fund/FundPage').then((m) => ({ default: m.FundPage })));
const ApprovalsPage = lazy(() => import('../modules/fund/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const LedgerPage = lazy(() => import('../modules/fund/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const UsersPage = lazy(() => import('../modules/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const RegionPage = lazy(() => import('../modules/regions/RegionPage').then((m) => ({ default: m.RegionPage })));
const AgreementsPage = lazy(() =>
  import('../modules/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })),
);
const AgreementPage = lazy(() =>
  import('../modules/agreements/AgreementPage').then((m) => ({ default: m.AgreementPage })),
);
const LiaisonPage = lazy(() => import('../modules/liaison/LiaisonPage').then((m) => ({ default: m.LiaisonPage })));
const ActivityPage = lazy(() => import('../modules/liaison/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const MyWorkPage = lazy(() => import('../modules/mywork/MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const ImportPage = lazy(() => import('../modules/exchange/ImportPage').then((m) => ({ default: m.ImportPage })));
const MilestonesPage = lazy(() =>
  import('../modules/milestones/MilestonesPage').then((m) => ({ default: m.MilestonesPage })),
);

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
      { index: true, element: <DashboardPage /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'regions/:code', element: <RegionPage /> },
      { path: 'agreements', element: <AgreementsPage /> },
      { path: 'agreements/:id', element: <AgreementPage /> },
      { path: 'liaison', element: <LiaisonPage /> },
      { path: 'liaison/:id', element: <ActivityPage /> },
      { path: 'my-work', element: <MyWorkPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: 'projects/new', element: <NewProjectPage /> },
      { path: 'projects/:id/edit', element: <EditProjectPage /> },
      { path: 'milestones', element: <MilestonesPage /> },
      { path: 'fund', element: <FundPage /> },
      { path: 'fund/approvals', element: <ApprovalsPage /> },
      { path: 'fund/ledger', element: <LedgerPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
