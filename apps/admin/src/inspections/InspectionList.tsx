import PublishIcon from '@mui/icons-material/Publish';
import {
  Button,
  Datagrid,
  FilterButton,
  List,
  ReferenceField,
  SelectField,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Checkbox, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { BATCH_REVIEW_MAX } from '@suiji/domain';
import type { InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { resultStateChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { useInspectionFilters } from './InspectionFilters';
import { DeadlineField, ItemResultLines, ItemsField } from './ResultFields';
import { TeamField } from './TeamField';

/**
 * 批量公示: publishes the selected results awaiting review in one request, each checked by the API as if
 * alone; one refused refuses them all, and the message says which.
 */
const PublishSelectedButton = () => {
  const { data, selectedIds, onUnselectItems } = useListContext<InspectionRecordFields>();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  // Only those chosen that the page shows awaiting review: what the reviewer sees is what is published.
  const chosen = (data ?? []).filter((r) => r.state === 'PENDING_REVIEW' && selectedIds.includes(r.id));
  const onClick = () => {
    setBusy(true);
    dataProvider
      .publishResults(chosen.map((r) => String(r.id)))
      .then((published) => {
        notify(translate('suiji.result.batch_done', { smart_count: published.length }), { type: 'success' });
        onUnselectItems();
        refresh();
      })
      .catch((e: Error) => {
        // The API names a refused entry by its id; the reviewer knows it by its target.
        const message = chosen.reduce((text, r) => text.replace(String(r.id), r.target.name), e.message);
        notify(message, { type: 'error', autoHideDuration: 10_000 });
      })
      .finally(() => setBusy(false));
  };
  return (
    <Button
      label="suiji.result.batch"
      onClick={onClick}
      disabled={busy || chosen.length === 0}
      variant="contained"
      data-testid="publish-selected"
    >
      <PublishIcon />
    </Button>
  );
};

/**
 * The column that chooses results for the batch: a checkbox on each result awaiting review, labelled with
 * its target (react-admin's own row checkbox puts its label on the wrapper, where assistive technology finds
 * none), and the batch's button above the list once some are chosen.
 */
const ChooseForBatch = (_props: { label?: string }) => {
  const record = useRecordContext();
  const { selectedIds, onToggleItem } = useListContext();
  const translate = useTranslate();
  if (record?.state !== 'PENDING_REVIEW') return null;
  const checked = selectedIds.includes(record.id);
  const target = (record.target as { name?: string } | undefined)?.name ?? '';
  return (
    <Checkbox
      size="small"
      checked={checked}
      // No more than one batch may publish.
      disabled={!checked && selectedIds.length >= BATCH_REVIEW_MAX}
      onClick={(event) => event.stopPropagation()}
      onChange={() => onToggleItem(record.id)}
      slotProps={{ input: { 'aria-label': translate('suiji.result.batch_choose', { target }) } }}
      data-testid="choose-for-batch"
    />
  );
};

const BatchBar = () => {
  const list = useListContext();
  const { selectedIds, onUnselectItems } = list;
  const translate = useTranslate();
  // A new filter starts a new choice: nothing chosen out of sight stays chosen.
  const filters = JSON.stringify(list.filterValues);
  useEffect(() => onUnselectItems(), [filters]);
  if (selectedIds.length === 0) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, py: 1 }}>
      <Typography variant="body2">
        {translate('suiji.result.batch_chosen', { smart_count: selectedIds.length })}
      </Typography>
      <PublishSelectedButton />
      <Button
        label="suiji.result.batch_clear"
        onClick={() => onUnselectItems()}
        data-testid="clear-selection"
      />
    </Stack>
  );
};

/**
 * Inspections in the reader's scope: their departments' tasks, or for an inspector the teams they are in;
 * searched by target, filtered, sorted by deadline, day drawn or state; reviewers publish several at once.
 */
export const InspectionList = () => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'list', resource: 'tasks' });
  const { canAccess: reviews } = useCanAccess({ action: 'review', resource: 'inspections' });
  const filters = useInspectionFilters();
  return (
    <List
      exporter={false}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
    >
      {reviews ? <BatchBar /> : null}
      <Datagrid bulkActionButtons={false} rowClick="show" data-testid="inspection-list">
        {reviews ? <ChooseForBatch label="suiji.result.batch" /> : null}
        <TextField source="target.name" label="resources.inspections.fields.targetId" sortable={false} />
        <TextField source="target.creditCode" sortable={false} />
        {seesTasks ? (
          <ReferenceField source="taskId" reference="tasks" link={false} sortable={false} />
        ) : null}
        <ItemsField source="items" sortable={false} />
        <TeamField source="team" sortable={false} />
        <SelectField source="state" choices={resultStateChoices} />
        <ItemResultLines source="results" sortable={false} />
        <DeadlineField source="publicationDeadline" sortBy="deadline" />
        <LocalDateField source="createdAt" />
      </Datagrid>
    </List>
  );
};
