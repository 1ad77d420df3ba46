import { Edit } from 'react-admin';
import { InspectorForm } from './InspectorForm';

export const InspectorEdit = () => (
  <Edit mutationMode="pessimistic">
    <InspectorForm />
  </Edit>
);
