import { useNavigate } from 'react-router';
import {
  Edit,
  Show,
  useNotify,
  useRedirect,
  useResourceContext,
  type EditProps,
  type RaRecord,
  type ShowProps,
} from 'react-admin';
import { forbiddenPath } from '../layout/ForbiddenPage';

/**
 * What opening a record that cannot be read does. Refused (another department's record: the API answers
 * FORBIDDEN), it says so on a page of its own — 无权访问 —, not that the record does not exist; missing, it
 * says that, and goes back to the list, as react-admin does.
 */
function useRecordErrors() {
  const notify = useNotify();
  const redirect = useRedirect();
  const navigate = useNavigate();
  const resource = useResourceContext() ?? '';
  return {
    onError: (error: { status?: number; message?: string }) => {
      // In place of the record's address, so that going back does not open it (and refuse it) again.
      if (error.status === 403) {
        void navigate(forbiddenPath(resource), { replace: true });
        return;
      }
      notify(error.status === 404 ? 'ra.notification.item_doesnt_exist' : (error.message ?? ''), {
        type: 'error',
      });
      redirect('list', resource);
    },
  };
}

/** react-admin's `Show`, telling a refused record from a missing one. */
export function RecordShow<R extends RaRecord = RaRecord>(props: ShowProps<R>) {
  const queryOptions = { ...useRecordErrors(), ...props.queryOptions };
  return <Show<R> {...props} queryOptions={queryOptions} />;
}

/** react-admin's `Edit`, telling a refused record from a missing one. */
export function RecordEdit<R extends RaRecord = RaRecord>(props: EditProps<R>) {
  const queryOptions = { ...useRecordErrors(), ...props.queryOptions };
  return <Edit<R> {...props} queryOptions={queryOptions} />;
}
