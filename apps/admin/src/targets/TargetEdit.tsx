import { Edit } from 'react-admin';
import { TargetForm } from './TargetForm';

export const TargetEdit = () => (
  <Edit mutationMode="pessimistic">
    <TargetForm />
  </Edit>
);
