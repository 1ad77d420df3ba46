import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useResourceContext,
} from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { saveDownload } from './download';

/** Downloads the filtered list as .xlsx, made by the API (`export<Resource>`); shown to those who may export. */
export const ExportXlsxButton = () => {
  const resource = useResourceContext() ?? '';
  const list = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const { total } = list;
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ action: 'export', resource });
  if (!canAccess) return null;
  const onClick = () => {
    setBusy(true);
    dataProvider
      .exportFile(resource, filterValues)
      .then((file) => {
        saveDownload(file);
        notify('suiji.export.done', { type: 'info', messageArgs: { filename: file.filename } });
      })
      .catch((error: Error) => notify(error.message, { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="suiji.export.button" onClick={onClick} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
