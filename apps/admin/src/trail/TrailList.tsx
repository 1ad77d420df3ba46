import { Card, CardContent, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateTimeInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { TrailDiff } from './TrailDiff';
import { ActionChip, ActorName, EntityName, RecordName } from './TrailFields';
import { ENTITY_RESOURCES, actionChoices, entityChoices, type TrailEntryRecord } from './trailTypes';
import { VerifyTrailPanel } from './VerifyTrailPanel';

// What the API's `TrailFilter` offers: the kind of record, one record, who made the change, what
// was done, and when.
const filters = [
  <SelectInput key="entity" source="entity" choices={entityChoices} alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} />,
  <DateTimeInput key="from" source="from" />,
  <DateTimeInput key="to" source="to" />,
  <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
    <AutocompleteInput optionText="displayName" label="resources.trail.fields.actorId" />
  </ReferenceInput>,
  <TextInput key="entityId" source="entityId" />,
];

/**
 * 全程留痕: every change, newest first, read-only. A row opens on its before and after; the chain can be
 * verified above the list. The API gives the trail in its own order, so no column sorts.
 */
export const TrailList = () => (
  <>
    <Card sx={{ mt: 2 }} data-testid="trail-verify-panel">
      <CardContent>
        <VerifyTrailPanel />
      </CardContent>
    </Card>
    <List
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      exporter={false}
      perPage={25}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<TrailDiff />} data-testid="trail">
        <TextField source="seq" sortable={false} />
        <LocalDateField source="at" showTime sortable={false} />
        <FunctionField
          source="actorId"
          sortable={false}
          render={(entry: TrailEntryRecord) => <ActorName actorId={entry.actorId} />}
        />
        <FunctionField
          source="action"
          sortable={false}
          render={(entry: TrailEntryRecord) => <ActionChip action={entry.action} />}
        />
        <FunctionField
          source="entity"
          sortable={false}
          render={(entry: TrailEntryRecord) => <EntityName entity={entry.entity} />}
        />
        <FunctionField
          source="entityId"
          sortable={false}
          render={(entry: TrailEntryRecord) => {
            const resource = ENTITY_RESOURCES[entry.entity as keyof typeof ENTITY_RESOURCES];
            return resource && entry.entityId !== '*' ? (
              <RecordName resource={resource} id={entry.entityId} />
            ) : (
              <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
                {entry.entityId}
              </Typography>
            );
          }}
        />
      </Datagrid>
    </List>
  </>
);
