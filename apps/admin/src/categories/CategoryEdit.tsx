import { RecordEdit } from '../common/RecordViews';
import { CategoryForm } from './CategoryForm';

export const CategoryEdit = () => (
  <RecordEdit mutationMode="pessimistic" redirect="list">
    <CategoryForm edit />
  </RecordEdit>
);
