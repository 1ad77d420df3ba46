import CallMergeIcon from '@mui/icons-material/CallMerge';
import PublicIcon from '@mui/icons-material/Public';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/**
 * The resources the user may list (react-admin asks the authProvider), the merge proposals for those who may
 * read them, the import page for those who may import,
 * and the public draws page everyone may open.
 */
export const Menu = () => {
  const targets = useCanAccess({ action: 'import', resource: 'targets' });
  const inspectors = useCanAccess({ action: 'import', resource: 'inspectors' });
  const merges = useCanAccess({ action: 'list', resource: 'merges' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      {merges.canAccess ? (
        <RaMenu.Item to="/merges" primaryText="suiji.merge.menu" leftIcon={<CallMergeIcon />} />
      ) : null}
      {targets.canAccess || inspectors.canAccess ? (
        <RaMenu.Item to="/import" primaryText="suiji.import.menu" leftIcon={<ImportIcon />} />
      ) : null}
      <RaMenu.Item to="/public/draws" primaryText="suiji.public.menu" leftIcon={<PublicIcon />} />
    </RaMenu>
  );
};
