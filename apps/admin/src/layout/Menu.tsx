import PublicIcon from '@mui/icons-material/Public';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/**
 * The resources the user may list (react-admin asks the authProvider), the import page for those who may import,
 * and the public draws page everyone may open.
 */
export const Menu = () => {
  const targets = useCanAccess({ action: 'import', resource: 'targets' });
  const inspectors = useCanAccess({ action: 'import', resource: 'inspectors' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      {targets.canAccess || inspectors.canAccess ? (
        <RaMenu.Item to="/import" primaryText="suiji.import.menu" leftIcon={<ImportIcon />} />
      ) : null}
      <RaMenu.Item to="/public/draws" primaryText="suiji.public.menu" leftIcon={<PublicIcon />} />
    </RaMenu>
  );
};
