import { Create } from 'react-admin';
import { TargetForm } from './TargetForm';

export const TargetCreate = () => (
  <Create redirect="show">
    <TargetForm />
  </Create>
);
