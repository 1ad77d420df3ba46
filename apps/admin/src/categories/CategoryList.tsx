import { Datagrid, EditButton, List, TextField } from 'react-admin';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { CategoryKindField, CategoryNameField, ConsequencesField } from './CategoryFields';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" />,
];

/**
 * The result categories: the glossary's standard ones and departments' own, each with what publishing it
 * does to the target. Edit appears where the policy allows it (administrators: all; coordinators: their
 * department's).
 */
export const CategoryList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'ASC' }}
    exporter={false}
    perPage={25}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="categories">
      <TextField source="code" sx={{ fontFamily: 'monospace' }} />
      <CategoryNameField source="nameZh" label="resources.categories.fields.name" />
      <CategoryKindField source="departmentId" label="resources.categories.fields.kind" sortable={false} />
      <ConsequencesField label="resources.categories.fields.consequences" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);
