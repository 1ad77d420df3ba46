import { Create } from 'react-admin';
import { InspectorForm } from './InspectorForm';

export const InspectorCreate = () => (
  <Create redirect="show">
    <InspectorForm />
  </Create>
);
