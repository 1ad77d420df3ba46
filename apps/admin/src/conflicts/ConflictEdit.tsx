import { Edit } from 'react-admin';
import { ConflictForm } from './ConflictForm';

export const ConflictEdit = () => (
  <Edit mutationMode="pessimistic">
    <ConflictForm edit />
  </Edit>
);
