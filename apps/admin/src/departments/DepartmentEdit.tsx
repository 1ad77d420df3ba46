import { RecordEdit } from '../common/RecordViews';
import { DepartmentForm } from './DepartmentForm';

export const DepartmentEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <DepartmentForm />
  </RecordEdit>
);
