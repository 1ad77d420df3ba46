import { Edit } from 'react-admin';
import { PlanForm } from './PlanForm';
import { planTransform } from './planForm';

/** An edit replaces the lines; the API refuses one that would leave a task of the plan outside it. */
export const PlanEdit = () => (
  <Edit mutationMode="pessimistic" transform={planTransform} redirect="show">
    <PlanForm />
  </Edit>
);
