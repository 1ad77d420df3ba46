import { RecordEdit } from '../common/RecordViews';
import { ConflictForm } from './ConflictForm';

export const ConflictEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <ConflictForm edit />
  </RecordEdit>
);
