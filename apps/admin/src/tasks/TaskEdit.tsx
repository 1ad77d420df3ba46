import { RecordEdit } from '../common/RecordViews';
import { TaskForm } from './TaskForm';
import { taskTransform } from './taskForm';

/** A task can change only until one of its draws is scheduled; the API says so when it is too late. */
export const TaskEdit = () => (
  <RecordEdit mutationMode="pessimistic" transform={taskTransform} redirect="show">
    <TaskForm />
  </RecordEdit>
);
