import { RecordEdit } from '../common/RecordViews';
import { PlanForm } from './PlanForm';
import { planTransform } from './planForm';

/** An edit replaces the lines; the API refuses one that would leave a task of the plan outside it. */
export const PlanEdit = () => (
  <RecordEdit mutationMode="pessimistic" transform={planTransform} redirect="show">
    <PlanForm />
  </RecordEdit>
);
