import ConflictIcon from '@mui/icons-material/DoNotDisturbOn';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ConflictCreate = lazyPage(() => import('./ConflictCreate'), 'ConflictCreate');
const ConflictEdit = lazyPage(() => import('./ConflictEdit'), 'ConflictEdit');
const ConflictList = lazyPage(() => import('./ConflictList'), 'ConflictList');
const ConflictShow = lazyPage(() => import('./ConflictShow'), 'ConflictShow');

interface ConflictRecord extends RaRecord {
  inspector?: { name: string } | null;
  target?: { name: string } | null;
}

export default {
  list: ConflictList,
  create: ConflictCreate,
  edit: ConflictEdit,
  show: ConflictShow,
  icon: ConflictIcon,
  recordRepresentation: (record: ConflictRecord) =>
    `${record.inspector?.name ?? ''} ↔ ${record.target?.name ?? ''}`,
};
