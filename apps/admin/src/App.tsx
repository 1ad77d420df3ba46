import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import categories from './categories';
import { AccessDeniedPage } from './layout/AccessDeniedPage';
import { lazyPage } from './common/lazyPage';
import conflicts from './conflicts';
import { Dashboard } from './dashboard/Dashboard';
import departments from './departments';
import draws from './draws';
import inspections from './inspections';
import inspectors from './inspectors';
import items from './items';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import plans from './plans';
import { StatisticsRoute } from './statistics';
import targets from './targets';
import tasks from './tasks';
import trail from './trail';
import users from './users';

// The first screen (the sign-in page, the layout, the home page with its to-do list) comes with the app's
// script: it shows without a second round of requests. Every other page's code is fetched when it first shows
// (so are the resources' pages: see their index.ts).
const ChangePasswordPage = lazyPage(() => import('./account/ChangePasswordPage'), 'ChangePasswordPage');
const ForbiddenPage = lazyPage(() => import('./layout/ForbiddenPage'), 'ForbiddenPage');
const ImportPage = lazyPage(() => import('./import/ImportPage'), 'ImportPage');
const MergeProposalsPage = lazyPage(() => import('./merges/MergeProposalsPage'), 'MergeProposalsPage');
const PublicDrawList = lazyPage(() => import('./public/PublicDrawList'), 'PublicDrawList');
const PublicHome = lazyPage(() => import('./public/PublicHome'), 'PublicHome');
const PublicItemList = lazyPage(() => import('./public/PublicItemList'), 'PublicItemList');
const PublicPlanList = lazyPage(() => import('./public/PublicPlanList'), 'PublicPlanList');
const PublicPlanShow = lazyPage(() => import('./public/PublicPlanShow'), 'PublicPlanShow');
const PublicTaskList = lazyPage(() => import('./public/PublicTaskList'), 'PublicTaskList');
const PublicDrawShow = lazyPage(() => import('./public/PublicDrawShow'), 'PublicDrawShow');
const PublicResultList = lazyPage(() => import('./public/PublicResultList'), 'PublicResultList');
const PublicEntityShow = lazyPage(() => import('./public/PublicEntityShow'), 'PublicEntityShow');
const PublicStatistics = lazyPage(() => import('./public/PublicStatistics'), 'PublicStatistics');

export const App = () => (
  <Admin
    title="suiji.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    accessDenied={AccessDeniedPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="items" {...items} />
    <Resource name="plans" {...plans} />
    <Resource name="tasks" {...tasks} />
    <Resource name="draws" {...draws} />
    <Resource name="inspections" {...inspections} />
    <Resource name="categories" {...categories} />
    <Resource name="targets" {...targets} />
    <Resource name="inspectors" {...inspectors} />
    <Resource name="conflicts" {...conflicts} />
    <Resource name="departments" {...departments} />
    <Resource name="users" {...users} />
    <Resource name="trail" {...trail} />
    <CustomRoutes>
      <Route path="/statistics" element={<StatisticsRoute />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="/merges" element={<MergeProposalsPage />} />
      <Route path="/account/password" element={<ChangePasswordPage />} />
      <Route path="/forbidden" element={<ForbiddenPage />} />
    </CustomRoutes>
    {/* Without the layout, these routes render for anyone, signed in or not (一公开). */}
    <CustomRoutes noLayout>
      <Route path="/public" element={<PublicHome />} />
      <Route path="/public/items" element={<PublicItemList />} />
      <Route path="/public/plans" element={<PublicPlanList />} />
      <Route path="/public/plans/:id" element={<PublicPlanShow />} />
      <Route path="/public/tasks" element={<PublicTaskList />} />
      <Route path="/public/draws" element={<PublicDrawList />} />
      <Route path="/public/draws/:id" element={<PublicDrawShow />} />
      <Route path="/public/results" element={<PublicResultList />} />
      <Route path="/public/entities/:creditCode" element={<PublicEntityShow />} />
      <Route path="/public/statistics" element={<PublicStatistics />} />
    </CustomRoutes>
  </Admin>
);
