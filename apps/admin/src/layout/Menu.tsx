import CallMergeIcon from '@mui/icons-material/CallMerge';
import PublicIcon from '@mui/icons-material/Public';
import StatisticsIcon from '@mui/icons-material/BarChart';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Badge } from '@mui/material';
import { CERTIFICATE_WARNING_DAYS } from '@suiji/domain';
import {
  Menu as RaMenu,
  useCanAccess,
  useGetIdentity,
  useGetResourceLabel,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { useTodo, useTodoLists, type TodoList } from '../dashboard/todo';
import { landsOnStatistics } from '../statistics';

/** A resource's label (or `text`) with the count of the user's first to-do list of it, as a badge. */
const BadgedLabel = ({ name, list, text }: { name: string; list: TodoList; text?: string }) => {
  const resourceLabel = useGetResourceLabel();
  const translate = useTranslate();
  const label = text ? translate(text) : resourceLabel(name, 2);
  const { departmentId } = useTodoLists();
  const { total } = useTodo(list, departmentId);
  const count = total ?? 0;
  return (
    <Badge
      badgeContent={count}
      color="primary"
      max={999}
      sx={{ '& .MuiBadge-badge': { right: -14 } }}
      slotProps={{
        badge: {
          'aria-label': translate(`suiji.todo.${list.key}`, { n: CERTIFICATE_WARNING_DAYS }) + ` ${count}`,
        } as never,
      }}
      data-testid={`menu-badge-${name}`}
    >
      {label}
    </Badge>
  );
};

/** The resources the user may list, each with its to-do count where the user has a to-do list of it. */
const ResourceItems = () => {
  const resources = useResourceDefinitions();
  const { lists } = useTodoLists();
  return (
    <>
      {Object.keys(resources)
        .filter((name) => resources[name]?.hasList)
        .map((name) => {
          const list = lists.find((l) => l.resource === name);
          return (
            <RaMenu.ResourceItem
              key={name}
              name={name}
              {...(list ? { primaryText: <BadgedLabel name={name} list={list} /> } : {})}
            />
          );
        })}
    </>
  );
};

/**
 * The home page (统计分析 for those it is the home page of), 统计分析 for the others who may read statistics,
 * the resources the user may list (react-admin asks the authProvider), each with the count of the user's
 * to-do list of it, the merge proposals for those who may
 * read them, the import page for those who may import,
 * and the public draws page everyone may open.
 */
export const Menu = () => {
  const targets = useCanAccess({ action: 'import', resource: 'targets' });
  const inspectors = useCanAccess({ action: 'import', resource: 'inspectors' });
  const merges = useCanAccess({ action: 'list', resource: 'merges' });
  const statistics = useCanAccess({ action: 'list', resource: 'statistics' });
  const { identity } = useGetIdentity();
  const { lists } = useTodoLists();
  const mergeList = lists.find((l) => l.resource === 'merges');
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
      <ResourceItems />
      {merges.canAccess ? (
        <RaMenu.Item
          to="/merges"
          primaryText={
            mergeList ? (
              <BadgedLabel name="merges" list={mergeList} text="suiji.merge.menu" />
            ) : (
              'suiji.merge.menu'
            )
          }
          leftIcon={<CallMergeIcon />}
        />
      ) : null}
      {targets.canAccess || inspectors.canAccess ? (
        <RaMenu.Item to="/import" primaryText="suiji.import.menu" leftIcon={<ImportIcon />} />
      ) : null}
      <RaMenu.Item to="/public/draws" primaryText="suiji.public.menu" leftIcon={<PublicIcon />} />
    </RaMenu>
  );
};
