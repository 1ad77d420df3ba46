import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import categories from './categories';
import conflicts from './conflicts';
import { Dashboard } from './dashboard/Dashboard';
import departments from './departments';
import draws from './draws';
import { ImportPage } from './import/ImportPage';
import inspections from './inspections';
import inspectors from './inspectors';
import items from './items';
import { MergeProposalsPage } from './merges/MergeProposalsPage';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import plans from './plans';
import { PublicDrawList } from './public/PublicDrawList';
import { PublicHome } from './public/PublicHome';
import { PublicItemList } from './public/PublicItemList';
import { PublicPlanList } from './public/PublicPlanList';
import { PublicPlanShow } from './public/PublicPlanShow';
import { PublicTaskList } from './public/PublicTaskList';
import { PublicDrawShow } from './public/PublicDrawShow';
import { PublicResultList } from './public/PublicResultList';
import { PublicEntityShow } from './public/PublicEntityShow';
import { PublicStatistics } from './public/PublicStatistics';
import { StatisticsRoute } from './statistics';
import targets from './targets';
import tasks from './tasks';
import trail from './trail';
import users from './users';

export const App = () => (
  <Admin
    title="suiji.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
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
