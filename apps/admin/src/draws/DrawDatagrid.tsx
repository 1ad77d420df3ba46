import {
  ChipField,
  Datagrid,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { DrawStatusChip } from './DrawDetails';
import { drawNumber } from './drawTypes';
import { TaskItemsField } from './TaskItemsField';

/** The columns of the staff's list of draws. A draw serves a whole task: its task, items and departments. */
export const DrawDatagrid = () => (
  <Datagrid bulkActionButtons={false} rowClick="show" data-testid="draws">
    <FunctionField
      source="id"
      sortable={false}
      render={(draw: RaRecord) => <span data-testid="draw-number">{drawNumber(draw)}</span>}
    />
    <ReferenceField source="taskId" reference="tasks" link={false} sortable={false} />
    <ReferenceField
      source="taskId"
      reference="tasks"
      link={false}
      sortable={false}
      label="resources.draws.fields.items"
    >
      <TaskItemsField />
    </ReferenceField>
    <ReferenceArrayField source="departmentIds" reference="departments" sortable={false}>
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
    <FunctionField source="status" sortable={false} render={() => <DrawStatusChip />} />
    <LocalDateField source="runAfter" showTime />
    <NumberField source="poolSize" sortable={false} />
    <NumberField source="selectedCount" sortable={false} emptyText="—" />
    <LocalDateField source="ranAt" showTime sortable={false} emptyText="—" />
  </Datagrid>
);
