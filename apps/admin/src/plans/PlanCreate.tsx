import { Create } from 'react-admin';
import { PlanForm } from './PlanForm';
import { planTransform } from './planForm';

export const PlanCreate = () => (
  <Create redirect="show" transform={planTransform}>
    <PlanForm />
  </Create>
);
