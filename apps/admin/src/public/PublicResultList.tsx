import { Card, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  FilterForm,
  FunctionField,
  Link,
  ListBase,
  Pagination,
  TextField,
  useListContext,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { useLocation } from 'react-router';
import { LocalDateField } from '../common/LocalDateField';
import { CategoryChip } from '../inspections/ResultFields';
import { NameChips } from './PublicDrawDatagrid';
import { publicResultFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';

/** A published result as the API's `PublicResult` gives it. */
interface PublicResultRecord {
  id: string;
  drawId: string;
  targetName: string;
  creditCode: string;
  taskName: string;
  inspectors: string[] | null;
  items: {
    item: string;
    category: string;
    categoryNameZh: string;
    categoryNameEn: string;
    problem: boolean;
    marksAbnormal: boolean;
    followUp: string;
  }[];
}

/** Each item the visit covered: its name, the result's category and the follow-up. */
const PublicItemResults = (_props: FieldProps) => {
  const result = useRecordContext<PublicResultRecord>();
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="item-result-lines">
      {(result?.items ?? []).map((line) => (
        <Stack key={line.item} spacing={0.25} data-item={line.item}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2">{line.item}</Typography>
            <CategoryChip
              category={{
                code: line.category,
                nameZh: line.categoryNameZh,
                nameEn: line.categoryNameEn,
                problem: line.problem,
                marksAbnormal: line.marksAbnormal,
              }}
            />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {translate('resources.publicResults.fields.followUp')}
            {translate('suiji.colon')}
            {translate(`enums.followUp.${line.followUp}`, { _: line.followUp })}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};

/**
 * The published results of the page; the team's names only where the deployment publishes them. Each entity
 * links to its own page, each task to its draw's; on an entity's own page (`ofEntity`) the entity's columns
 * are left out.
 */
export const PublicResultGrid = ({ ofEntity = false }: { ofEntity?: boolean }) => {
  const { data } = useListContext<PublicResultRecord>();
  const named = (data ?? []).some((r) => r.inspectors !== null);
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="public-results">
      {ofEntity ? null : (
        <FunctionField
          source="targetName"
          sortable={false}
          render={(r: PublicResultRecord) => (
            <Link to={`/public/entities/${encodeURIComponent(r.creditCode)}`} data-testid="entity-link">
              {r.targetName}
            </Link>
          )}
        />
      )}
      {ofEntity ? null : <TextField source="creditCode" sortable={false} sx={{ fontFamily: 'monospace' }} />}
      {ofEntity ? null : <TextField source="region" sortable={false} />}
      <NameChips source="authorities" sortable={false} />
      <FunctionField
        source="taskName"
        sortable={false}
        render={(r: PublicResultRecord) => <Link to={`/public/draws/${r.drawId}`}>{r.taskName}</Link>}
      />
      <PublicItemResults source="items" sortable={false} />
      <TextField source="inspectedOn" emptyText="—" />
      <LocalDateField source="publishedAt" />
      {named ? (
        <FunctionField
          source="inspectors"
          sortable={false}
          render={(r: PublicResultRecord) => (r.inspectors ?? []).join('、')}
        />
      ) : null}
    </Datagrid>
  );
};

/**
 * Published results (公示), for anyone, from the API's public projection: the entity, its region, the
 * inspecting authorities, and per item the result and its follow-up. No sign-in needed.
 */
export const PublicResultList = () => {
  const translate = useTranslate();
  // The portal's entry page searches by sending the entity here: /public/results?q=….
  const q = new URLSearchParams(useLocation().search).get('q')?.trim() ?? '';
  return (
    <PublicLayout>
      <Stack spacing={2}>
        <Typography variant="h5" component="h1">
          {translate('suiji.public.results')}
        </Typography>
        <Typography color="text.secondary">{translate('suiji.public.results_intro')}</Typography>
        <ListBase
          resource="publicResults"
          disableAuthentication
          perPage={25}
          disableSyncWithLocation
          filterDefaultValues={q ? { q } : {}}
          sort={{ field: 'publishedAt', order: 'DESC' }}
        >
          <FilterForm filters={publicResultFilters} />
          <Card>
            <PublicResultGrid />
            <Pagination />
          </Card>
        </ListBase>
      </Stack>
    </PublicLayout>
  );
};
