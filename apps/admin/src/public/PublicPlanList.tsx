import { Card, Chip, Stack, Typography } from '@mui/material';
import { chinaYear } from '@suiji/domain';
import {
  FunctionField,
  Link,
  Datagrid,
  FilterForm,
  ListBase,
  NumberField,
  Pagination,
  useRecordContext,
  useTranslate,
  type FieldProps,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { NameChips } from './PublicDrawDatagrid';
import { publicPlanFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';

/** A plan as the API's `PublicPlan` gives it. */
export interface PublicPlanRecord extends RaRecord {
  name: string;
  year: number;
  departments: string[];
  lines: { item: string; ratioBp: number; timesPerYear: number; period: string | null }[];
  taskCount: number;
  selectedCount: number;
  createdAt: string;
}

/** The plan's items by name, as chips. */
const PlanItems = (_props: FieldProps) => {
  const plan = useRecordContext<PublicPlanRecord>();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {(plan?.lines ?? []).map((line) => (
        <Chip key={line.item} size="small" label={line.item} />
      ))}
    </Stack>
  );
};

const showPath = (id: RaRecord['id']) => `/public/plans/${String(id)}`;

/** 年度抽查计划公示: every department's yearly plans, newest first, for anyone without signing in. */
export const PublicPlanList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate('suiji.public.plans')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('suiji.public.plans_intro')}
      </Typography>
      <ListBase
        resource="publicPlans"
        disableAuthentication
        disableSyncWithLocation
        filterDefaultValues={{ year: chinaYear() }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
      >
        <FilterForm filters={publicPlanFilters} />
        <Card sx={{ overflowX: 'auto' }}>
          <Datagrid bulkActionButtons={false} rowClick={showPath} data-testid="public-plans">
            <FunctionField
              source="name"
              render={(plan: RaRecord) => (
                // A link as well as the row's click: keyboards and screen readers open a plan by its name.
                <Link to={showPath(plan.id)}>{String(plan.name)}</Link>
              )}
            />
            <NumberField source="year" options={{ useGrouping: false }} />
            <NameChips source="departments" sortable={false} />
            <PlanItems source="lines" sortable={false} />
            <NumberField source="taskCount" sortable={false} />
            <NumberField source="selectedCount" sortable={false} />
            <LocalDateField source="createdAt" />
          </Datagrid>
          <Pagination rowsPerPageOptions={[25, 50, 100]} />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
