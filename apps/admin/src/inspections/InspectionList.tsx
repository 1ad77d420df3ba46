import {
  Datagrid,
  FilterButton,
  List,
  ReferenceField,
  SelectField,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { resultStateChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { useInspectionFilters } from './InspectionFilters';
import { DeadlineField, ItemResultLines, ItemsField } from './ResultFields';
import { TeamField } from './TeamField';

/** Inspections in the reader's scope: their departments' tasks, or for an inspector the teams they are in. */
export const InspectionList = () => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'list', resource: 'tasks' });
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
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="target.name" label="resources.inspections.fields.targetId" sortable={false} />
        <TextField source="target.creditCode" sortable={false} />
        {seesTasks ? (
          <ReferenceField source="taskId" reference="tasks" link={false} sortable={false} />
        ) : null}
        <ItemsField source="items" sortable={false} />
        <TeamField source="team" sortable={false} />
        <SelectField source="state" choices={resultStateChoices} sortable={false} />
        <ItemResultLines source="results" sortable={false} />
        <DeadlineField source="publicationDeadline" sortable={false} />
        <LocalDateField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
};
