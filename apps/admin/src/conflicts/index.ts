import ConflictIcon from '@mui/icons-material/DoNotDisturbOn';
import type { RaRecord } from 'react-admin';
import { ConflictCreate } from './ConflictCreate';
import { ConflictEdit } from './ConflictEdit';
import { ConflictList } from './ConflictList';
import { ConflictShow } from './ConflictShow';

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
