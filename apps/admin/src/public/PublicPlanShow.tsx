import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Card, Stack, Typography } from '@mui/material';
import { useParams } from 'react-router';
import {
  ArrayField,
  Button,
  Datagrid,
  Labeled,
  Link,
  ListBase,
  NumberField,
  Pagination,
  ShowBase,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { PercentField } from '../common/PercentField';
import { NameChips } from './PublicDrawDatagrid';
import { PublicLayout } from './PublicLayout';
import type { PublicPlanRecord } from './PublicPlanList';
import { PublicTaskDatagrid } from './PublicTaskDatagrid';

/** The plan as published: who takes part, and each item with its ratio, frequency and period. */
const PlanDetails = () => {
  const plan = useRecordContext<PublicPlanRecord>();
  const translate = useTranslate();
  if (!plan) return null;
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1" data-testid="plan-title">
        {plan.name}
      </Typography>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
        <Labeled source="year">
          <NumberField source="year" options={{ useGrouping: false }} />
        </Labeled>
        <Labeled source="departments">
          <NameChips source="departments" />
        </Labeled>
        <Labeled source="taskCount">
          <NumberField source="taskCount" />
        </Labeled>
        <Labeled source="selectedCount">
          <NumberField source="selectedCount" />
        </Labeled>
      </Stack>
      <Typography variant="h6" component="h2">
        {translate('resources.publicPlans.fields.lines')}
      </Typography>
      <ArrayField source="lines">
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="plan-lines">
          <TextField source="item" sortable={false} />
          <PercentField source="ratioBp" sortable={false} />
          <NumberField source="timesPerYear" sortable={false} />
          <TextField source="period" sortable={false} emptyText="—" />
        </Datagrid>
      </ArrayField>
    </Stack>
  );
};

/** The plan's rounds published so far, each linked to its draw. */
const PlanTasks = () => {
  const plan = useRecordContext<PublicPlanRecord>();
  const translate = useTranslate();
  if (!plan) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {translate('suiji.public.plan_tasks')}
      </Typography>
      <ListBase
        resource="publicTasks"
        filter={{ planId: plan.id }}
        disableAuthentication
        disableSyncWithLocation
        sort={{ field: 'windowStart', order: 'ASC' }}
        perPage={25}
      >
        <PublicTaskDatagrid />
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </ListBase>
    </Stack>
  );
};

/** One yearly plan, for anyone: its items and the tasks carrying it out. */
export const PublicPlanShow = () => {
  const { id } = useParams<{ id: string }>();
  return (
    <PublicLayout>
      <Stack spacing={2}>
        <div>
          <Button label="suiji.public.plans_back" component={Link} to="/public/plans">
            <ArrowBackIcon />
          </Button>
        </div>
        <ShowBase resource="publicPlans" id={id} disableAuthentication>
          <Card sx={{ overflowX: 'auto' }}>
            <Stack spacing={3} sx={{ p: 2 }}>
              <PlanDetails />
              <PlanTasks />
            </Stack>
          </Card>
        </ShowBase>
      </Stack>
    </PublicLayout>
  );
};
