import { Create } from 'react-admin';
import { ItemForm } from './ItemForm';

export const ItemCreate = () => (
  <Create redirect="list">
    <ItemForm />
  </Create>
);
