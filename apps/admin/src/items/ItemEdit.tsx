import { RecordEdit } from '../common/RecordViews';
import { ItemForm } from './ItemForm';

export const ItemEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <ItemForm />
  </RecordEdit>
);
