import { Create } from 'react-admin';
import { TaskForm, taskTransform } from './TaskForm';

export const TaskCreate = () => (
  <Create redirect="show" transform={taskTransform}>
    <TaskForm />
  </Create>
);
