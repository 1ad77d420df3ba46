import {
  Datagrid,
  FunctionField,
  NumberField,
  ReferenceField,
  TextField,
  useCanAccess,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { DrawStatusChip } from './DrawDetails';

/** The columns of a list of draws, for staff and for the public (who see no task, tasks being internal). */
export const DrawDatagrid = ({ rowClick }: { rowClick: 'show' | ((id: RaRecord['id']) => string) }) => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'list', resource: 'tasks' });
  return (
    <Datagrid bulkActionButtons={false} rowClick={rowClick} data-testid="draws">
      <ReferenceField source="itemId" reference="items" link={false} sortable={false}>
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField
        source="itemId"
        reference="items"
        link={false}
        sortable={false}
        label="resources.items.fields.departmentId"
      >
        <ReferenceField source="departmentId" reference="departments" link={false} />
      </ReferenceField>
      {seesTasks ? <ReferenceField source="taskId" reference="tasks" link={false} sortable={false} /> : null}
      <FunctionField source="status" sortable={false} render={() => <DrawStatusChip />} />
      <LocalDateField source="runAfter" showTime sortable={false} />
      <NumberField source="poolSize" sortable={false} />
      <NumberField source="selectedCount" sortable={false} emptyText="—" />
      <LocalDateField source="ranAt" showTime sortable={false} emptyText="—" />
    </Datagrid>
  );
};
