import CallMergeIcon from '@mui/icons-material/CallMerge';
import PublicIcon from '@mui/icons-material/Public';
import StatisticsIcon from '@mui/icons-material/BarChart';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Menu as RaMenu, useCanAccess, useGetIdentity } from 'react-admin';
import { landsOnStatistics } from '../statistics';

/**
 * The home page (统计分析 for those it is the home page of), 统计分析 for the others who may read statistics,
 * the resources the user may list (react-admin asks the authProvider), the merge proposals for those who may
 * read them, the import page for those who may import,
 * and the public draws page everyone may open.
 */
export const Menu = () => {
  const targets = useCanAccess({ action: 'import', resource: 'targets' });
  const inspectors = useCanAccess({ action: 'import', resource: 'inspectors' });
  const merges = useCanAccess({ action: 'list', resource: 'merges' });
  const statistics = useCanAccess({ action: 'list', resource: 'statistics' });
  const { identity } = useGetIdentity();
  const home = landsOnStatistics(typeof identity?.role === 'string' ? identity.role : undefined);
  return (
    <RaMenu>
      {home ? (
        <RaMenu.DashboardItem primaryText="suiji.statistics.menu" leftIcon={<StatisticsIcon />} />
      ) : (
        <RaMenu.DashboardItem />
      )}
      {statistics.canAccess && !home ? (
        <RaMenu.Item to="/statistics" primaryText="suiji.statistics.menu" leftIcon={<StatisticsIcon />} />
      ) : null}
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
