/**
 * Who takes part in a yearly plan or a task, as their forms ask it and their pages show it: one initiating
 * department (发起部门; the user's own when left empty) and, for a joint one, cooperating departments
 * (配合部门) — whole departments, never their 股室 or 所.
 */
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ChipField,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceInput,
  SingleFieldList,
} from 'react-admin';

/** Initiating and cooperating departments are whole departments, not their 股室 or 所. */
export const TOP_LEVEL = { kind: 'DEPARTMENT' };

/** The initiating and cooperating departments' inputs of a plan's or a task's form. */
export const ParticipantInputs = ({ of }: { of: 'plan' | 'task' }) => (
  <>
    <ReferenceInput source="departmentId" reference="departments" filter={TOP_LEVEL}>
      <AutocompleteInput optionText="name" helperText={`suiji.${of}.department_help`} />
    </ReferenceInput>
    <ReferenceArrayInput source="cooperatingDepartmentIds" reference="departments" filter={TOP_LEVEL}>
      <AutocompleteArrayInput optionText="name" helperText={`suiji.${of}.cooperating_help`} fullWidth />
    </ReferenceArrayInput>
  </>
);

/** The cooperating departments of a plan's or a task's page, as chips (— when it is not joint). */
export const CooperatingField = ({ source }: { source: string }) => (
  <ReferenceArrayField source={source} reference="departments">
    <SingleFieldList linkType={false} empty={<span>—</span>}>
      <ChipField source="name" size="small" />
    </SingleFieldList>
  </ReferenceArrayField>
);
