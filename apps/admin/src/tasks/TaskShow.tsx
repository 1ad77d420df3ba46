import {
  EditButton,
  NumberField,
  ReferenceField,
  SelectField,
  SimpleShowLayout,
  TextArrayField,
  TextField,
  TopToolbar,
  DeleteButton,
  useGetList,
  useRecordContext,
} from 'react-admin';
import { CooperatingField } from '../departments/Participants';
import { RecordShow } from '../common/RecordViews';
import { taskScopeChoices } from '../common/choices';
import { EnumArrayField } from '../common/EnumArrayField';
import { LocalDateField } from '../common/LocalDateField';
import { TaskAcceptances } from './TaskAcceptances';
import { TaskDraws } from './TaskDraws';

/** Edit and delete only while no draw is scheduled: after that the task is fixed (the API refuses too). */
const TaskActions = () => {
  const task = useRecordContext();
  const { total, isPending } = useGetList(
    'draws',
    { filter: { taskId: task?.id }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!task },
  );
  return (
    <TopToolbar>
      {!isPending && total === 0 ? (
        <>
          <EditButton />
          <DeleteButton mutationMode="pessimistic" />
        </>
      ) : null}
    </TopToolbar>
  );
};

/** The filters of a directed task; an undirected one has none. */
const DirectedFields = () => {
  const record = useRecordContext();
  if (record?.scope !== 'DIRECTED') return null;
  return (
    <SimpleShowLayout sx={{ p: 0 }}>
      <TextArrayField source="regions" />
      <TextArrayField source="tags" />
      <EnumArrayField source="riskClasses" group="riskClass" />
      <EnumArrayField source="targetKinds" group="targetKind" />
    </SimpleShowLayout>
  );
};

export const TaskShow = () => (
  <RecordShow actions={<TaskActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="departmentId" reference="departments" link={false} />
      <ReferenceField source="planId" reference="plans" link="show" emptyText="—" />
      <CooperatingField source="cooperatingDepartmentIds" />
      <SelectField source="scope" choices={taskScopeChoices} />
      <DirectedFields />
      <TextField source="windowStart" />
      <TextField source="windowEnd" />
      <NumberField source="teamSize" />
      <LocalDateField source="updatedAt" showTime />
      <TaskAcceptances />
      <TaskDraws />
    </SimpleShowLayout>
  </RecordShow>
);
