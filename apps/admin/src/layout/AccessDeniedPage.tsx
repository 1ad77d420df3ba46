import { AccessDenied, AccessDeniedClasses, Title } from 'react-admin';

/**
 * react-admin's 无权访问, as a page of the dashboard: titled, so that the app bar holds its one level-one
 * heading, and its message at full contrast (react-admin fades it to half opacity, 2.1:1 and 3.2:1 against the
 * page: axe's color-contrast).
 */
export const AccessDeniedPage = () => (
  <>
    <Title title="ra.page.access_denied" />
    <AccessDenied sx={{ [`& .${AccessDeniedClasses.message}`]: { opacity: 1 } }} />
  </>
);
