import { RecordEdit } from '../common/RecordViews';
import { InspectorForm } from './InspectorForm';

export const InspectorEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <InspectorForm />
  </RecordEdit>
);
