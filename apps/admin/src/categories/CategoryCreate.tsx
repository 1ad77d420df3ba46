import { Create } from 'react-admin';
import { CategoryForm } from './CategoryForm';

export const CategoryCreate = () => (
  <Create redirect="list">
    <CategoryForm />
  </Create>
);
