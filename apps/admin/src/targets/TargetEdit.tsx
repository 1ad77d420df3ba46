import { RecordEdit } from '../common/RecordViews';
import { TargetForm } from './TargetForm';

export const TargetEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <TargetForm />
  </RecordEdit>
);
