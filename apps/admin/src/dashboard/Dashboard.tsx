import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { Resource } from '@suiji/domain';
import {
  Link,
  Title,
  useCanAccess,
  useCreatePath,
  useGetIdentity,
  useGetList,
  useGetOne,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { StatisticsRoute, landsOnStatistics } from '../statistics';
import { VerifyTrailPanel } from '../trail/VerifyTrailPanel';
import { itemListDefaults } from '../items/listDefaults';
import { TodoPanel } from './TodoPanel';

/**
 * A registry's size, counted with the filter its list opens with (the item list shows the current year's),
 * so that the number is what the list it links to shows.
 */
const CountCard = ({ resource, filter = {} }: { resource: Resource; filter?: Record<string, unknown> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ action: 'list', resource });
  const { total, isPending } = useGetList(
    resource,
    { pagination: { page: 1, perPage: 1 }, filter },
    { enabled: canAccess === true },
  );
  if (!canAccess) return null;
  return (
    <Grid size={{ xs: 12, sm: 4 }}>
      <Card>
        <CardContent>
          <Typography color="text.secondary" gutterBottom>
            {translate(`resources.${resource}.name`, { smart_count: 2 })}
          </Typography>
          <Typography
            variant="h4"
            component={Link}
            to={createPath({ resource, type: 'list' })}
            data-count={resource}
          >
            {isPending ? '…' : (total ?? 0)}
          </Typography>
        </CardContent>
      </Card>
    </Grid>
  );
};

/**
 * 全程留痕 for those who may verify it: managers check the chain here, since only administrators list
 * the entries.
 */
const TrailCard = () => {
  const translate = useTranslate();
  const verify = useCanAccess({ action: 'show', resource: 'trail' });
  const list = useCanAccess({ action: 'list', resource: 'trail' });
  if (!verify.canAccess) return null;
  return (
    <Card data-testid="trail-card">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('resources.trail.name', { smart_count: 2 })}
        </Typography>
        <VerifyTrailPanel />
        {list.canAccess ? (
          <Typography sx={{ mt: 1 }}>
            <Link to="/trail">{translate('suiji.trail.open')}</Link>
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};

/**
 * The home page: 统计分析 for managers, who come for the figures; for others, their to-do lists (待办), who
 * they are and the registries.
 */
export const Dashboard = () => {
  const { identity, isPending } = useGetIdentity();
  const role = typeof identity?.role === 'string' ? identity.role : undefined;
  if (isPending) return null;
  if (landsOnStatistics(role))
    return (
      <Stack spacing={2}>
        <StatisticsRoute />
        <TrailCard />
      </Stack>
    );
  return <Welcome />;
};

const Welcome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const departmentId = typeof identity?.departmentId === 'string' ? identity.departmentId : undefined;
  const { data: department } = useGetOne<RaRecord & { name: string }>(
    'departments',
    { id: departmentId ?? '' },
    { enabled: !!departmentId },
  );
  const role = typeof identity?.role === 'string' ? identity.role : undefined;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <TodoPanel />
      <Card>
        <CardContent>
          <Typography variant="h5" gutterBottom>
            {translate('suiji.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography color="text.secondary" gutterBottom>
            {translate('suiji.dashboard.intro')}
          </Typography>
          <Typography>
            {translate('suiji.dashboard.role')}
            {translate('suiji.colon')}
            {role ? translate(`enums.role.${role}`) : '—'}
          </Typography>
          <Typography>
            {translate('suiji.dashboard.department')}
            {translate('suiji.colon')}
            {department?.name ?? '—'}
          </Typography>
        </CardContent>
      </Card>
      <Typography variant="h6">{translate('suiji.dashboard.counts')}</Typography>
      <Grid container spacing={2}>
        <CountCard resource="items" filter={itemListDefaults()} />
        <CountCard resource="targets" />
        <CountCard resource="inspectors" />
      </Grid>
      <TrailCard />
    </Stack>
  );
};
