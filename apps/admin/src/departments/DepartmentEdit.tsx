import { Edit } from 'react-admin';
import { DepartmentForm } from './DepartmentForm';

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <DepartmentForm />
  </Edit>
);
