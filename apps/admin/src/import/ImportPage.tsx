import DownloadIcon from '@mui/icons-material/GetApp';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import {
  Title,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
  Loading,
} from 'react-admin';
import {
  IMPORT_CELL_MAX_CHARS,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_ROWS_MAX,
  formatMegabytes,
} from '@suiji/domain';
import { AccessDeniedPage } from '../layout/AccessDeniedPage';
import { readAsBase64, saveDownload } from '../common/download';
import type { ImportKind, ImportReport, SuijiDataProvider } from '../providers/dataProvider';

const ACCEPTED = /\.(xlsx|csv)$/i;

/** The report of an import: how many were written, or every row that stopped it and how to fix it. */
export const ImportReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  if (report.ok)
    return (
      <Alert severity="success" data-testid="import-success">
        {translate('suiji.import.success', { smart_count: report.imported })}
      </Alert>
    );
  return (
    <Stack spacing={1}>
      <Alert severity="error" data-testid="import-failed">
        {translate('suiji.import.failed', { smart_count: report.errorCount })}
        {report.errors.length < report.errorCount
          ? ` ${translate('suiji.import.listed', { listed: report.errors.length })}`
          : null}
      </Alert>
      <Table size="small" data-testid="import-errors">
        <TableHead>
          <TableRow>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('suiji.import.row')}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('suiji.import.column')}</TableCell>
            <TableCell>{translate('suiji.import.message')}</TableCell>
            <TableCell>{translate('suiji.import.hint')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.errors.map((error, index) => (
            <TableRow key={`${error.row}-${error.column ?? ''}-${index}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{error.row}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{error.column ?? '—'}</TableCell>
              <TableCell>{error.message}</TableCell>
              <TableCell>{error.hint ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

export const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const targets = useCanAccess({ action: 'import', resource: 'targets' });
  const inspectors = useCanAccess({ action: 'import', resource: 'inspectors' });
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [locale] = useLocaleState();

  if (targets.isPending || inspectors.isPending) return <Loading />;
  const kinds = (['targets', 'inspectors'] as const).filter((k) =>
    k === 'targets' ? targets.canAccess : inspectors.canAccess,
  );
  const chosenKind = kind ?? kinds[0];
  if (chosenKind === undefined) return <AccessDeniedPage />;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setReport(null);
    if (chosen && !ACCEPTED.test(chosen.name)) {
      notify('suiji.import.bad_type', { type: 'warning' });
      setFile(null);
      event.target.value = '';
      return;
    }
    // The API refuses it too; checking here spares sending it.
    if (chosen && chosen.size > IMPORT_FILE_MAX_BYTES) {
      notify('suiji.import.too_large', {
        type: 'warning',
        messageArgs: {
          name: chosen.name,
          size: formatMegabytes(chosen.size),
          max: formatMegabytes(IMPORT_FILE_MAX_BYTES),
        },
      });
      setFile(null);
      event.target.value = '';
      return;
    }
    setFile(chosen);
  };

  const onUpload = async () => {
    if (!file) {
      notify('suiji.import.no_file', { type: 'warning' });
      return;
    }
    setBusy(true);
    setReport(null);
    try {
      const contentBase64 = await readAsBase64(file);
      setReport(await dataProvider.importFile(chosenKind, { filename: file.name, contentBase64 }));
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const onTemplate = () => {
    dataProvider
      .importTemplate(chosenKind)
      .then(saveDownload)
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="suiji.import.title" />
      <CardContent>
        <Stack spacing={2}>
          <Typography color="text.secondary">{translate('suiji.import.all_or_nothing')}</Typography>
          <Typography color="text.secondary" data-testid="import-limits">
            {translate('suiji.import.limits', {
              size: formatMegabytes(IMPORT_FILE_MAX_BYTES),
              rows: IMPORT_ROWS_MAX.toLocaleString(locale),
              chars: IMPORT_CELL_MAX_CHARS.toLocaleString(locale),
            })}
          </Typography>
          <FormControl>
            <FormLabel id="import-kind">{translate('suiji.import.kind')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="import-kind"
              value={chosenKind}
              onChange={(event) => {
                setKind(event.target.value as ImportKind);
                setReport(null);
              }}
            >
              {kinds.map((k) => (
                <FormControlLabel
                  key={k}
                  value={k}
                  control={<Radio />}
                  label={translate(`resources.${k}.name`, { smart_count: 2 })}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="outlined" component="label">
              {translate('suiji.import.choose')}
              <input type="file" hidden accept=".xlsx,.csv" onChange={onFile} data-testid="import-file" />
            </Button>
            <Typography>{file ? file.name : translate('suiji.import.file')}</Typography>
            <Button startIcon={<DownloadIcon />} onClick={onTemplate}>
              {translate('suiji.import.template')}
            </Button>
          </Stack>
          <div>
            <Button
              variant="contained"
              startIcon={<UploadIcon />}
              disabled={busy || !file}
              onClick={() => void onUpload()}
            >
              {translate(busy ? 'suiji.import.uploading' : 'suiji.import.upload')}
            </Button>
          </div>
          {report ? <ImportReportView report={report} /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
