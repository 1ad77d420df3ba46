import { Edit } from 'react-admin';
import { ItemForm } from './ItemForm';

export const ItemEdit = () => (
  <Edit mutationMode="pessimistic">
    <ItemForm />
  </Edit>
);
