import { Create } from 'react-admin';
import { ConflictForm } from './ConflictForm';

export const ConflictCreate = () => (
  <Create redirect="list">
    <ConflictForm />
  </Create>
);
