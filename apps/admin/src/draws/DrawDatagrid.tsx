import {
  ChipField,
  Datagrid,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  useCanAccess,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { DrawStatusChip, drawNumber } from './DrawDetails';
import { TaskItemsField } from './TaskItemsField';

/**
 * The columns of a list of draws, for staff and for the public. A draw serves a whole task: staff see the
 * task and its items; the public, to whom tasks are internal, the departments taking part.
 */
export const DrawDatagrid = ({ rowClick }: { rowClick: 'show' | ((id: RaRecord['id']) => string) }) => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'list', resource: 'tasks' });
  return (
    <Datagrid bulkActionButtons={false} rowClick={rowClick} data-testid="draws">
      <FunctionField
        source="id"
        sortable={false}
        render={(draw: RaRecord) => <span data-testid="draw-number">{drawNumber(draw)}</span>}
      />
      {seesTasks ? <ReferenceField source="taskId" reference="tasks" link={false} sortable={false} /> : null}
      {seesTasks ? (
        <ReferenceField
          source="taskId"
          reference="tasks"
          link={false}
          sortable={false}
          label="resources.draws.fields.items"
        >
          <TaskItemsField />
        </ReferenceField>
      ) : null}
      <ReferenceArrayField source="departmentIds" reference="departments" sortable={false}>
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <FunctionField source="status" sortable={false} render={() => <DrawStatusChip />} />
      <LocalDateField source="runAfter" showTime sortable={false} />
      <NumberField source="poolSize" sortable={false} />
      <NumberField source="selectedCount" sortable={false} emptyText="—" />
      <LocalDateField source="ranAt" showTime sortable={false} emptyText="—" />
    </Datagrid>
  );
};
