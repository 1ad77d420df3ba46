import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import conflicts from './conflicts';
import { Dashboard } from './dashboard/Dashboard';
import departments from './departments';
import { ImportPage } from './import/ImportPage';
import inspectors from './inspectors';
import items from './items';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import targets from './targets';
import users from './users';

export const App = () => (
  <Admin
    title="suiji.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="items" {...items} />
    <Resource name="targets" {...targets} />
    <Resource name="inspectors" {...inspectors} />
    <Resource name="conflicts" {...conflicts} />
    <Resource name="departments" {...departments} />
    <Resource name="users" {...users} />
    <CustomRoutes>
      <Route path="/import" element={<ImportPage />} />
    </CustomRoutes>
  </Admin>
);
