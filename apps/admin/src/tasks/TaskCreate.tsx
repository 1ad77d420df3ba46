import { Create } from 'react-admin';
import { TaskForm } from './TaskForm';
import { taskTransform } from './taskForm';

export const TaskCreate = () => (
  <Create redirect="show" transform={taskTransform}>
    <TaskForm />
  </Create>
);
