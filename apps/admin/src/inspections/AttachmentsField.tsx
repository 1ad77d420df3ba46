import AttachFileIcon from '@mui/icons-material/AttachFile';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import DeleteIcon from '@mui/icons-material/Delete';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Box,
  Button as MuiButton,
  CircularProgress,
  IconButton,
  Link,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { isEnterable, type Locale } from '@suiji/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ChangeEvent } from 'react';
import {
  Confirm,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { InspectionRecordFields } from '../draws/drawTypes';
import {
  deleteAttachment,
  fetchAttachment,
  fetchAttachmentRules,
  listAttachments,
  uploadAttachment,
  type AttachmentRecord,
} from '../providers/attachments';
import {
  ATTACHMENT_ACCEPT,
  PHOTO_ACCEPT,
  attachmentPrecheck,
  formatSize,
  headOf,
  isImage,
} from './attachments';

/** A browser address for an attachment's content, fetched with the login token, released when unmounted. */
function useObjectUrl(url: string | null): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    let made: string | null = null;
    fetchAttachment(url)
      .then((blob) => {
        if (cancelled) return;
        made = URL.createObjectURL(blob);
        setObjectUrl(made);
      })
      .catch(() => setObjectUrl(null));
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return objectUrl;
}

/** Saves a PDF (or any attachment) under its own name. */
async function saveAttachment(attachment: AttachmentRecord): Promise<void> {
  const url = URL.createObjectURL(await fetchAttachment(attachment.url));
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const TILE = 128;

const AttachmentTile = ({
  attachment,
  onDelete,
}: {
  attachment: AttachmentRecord;
  onDelete?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const image = isImage(attachment.mimeType);
  const thumbnail = useObjectUrl(image ? attachment.url : null);
  const preview = image ? (
    thumbnail ? (
      <Link href={thumbnail} target="_blank" rel="noopener" title={translate('suiji.attachment.open')}>
        <Box
          component="img"
          src={thumbnail}
          alt={attachment.fileName}
          sx={{ width: TILE, height: 96, objectFit: 'cover', borderRadius: 1, display: 'block' }}
        />
      </Link>
    ) : (
      <Box sx={{ width: TILE, height: 96, display: 'grid', placeItems: 'center' }}>
        <CircularProgress size={20} />
      </Box>
    )
  ) : (
    <Link
      component="button"
      type="button"
      onClick={() => {
        saveAttachment(attachment).catch((e: Error) => notify(e.message, { type: 'error' }));
      }}
      title={translate('suiji.attachment.download')}
      sx={{ width: TILE, height: 96, display: 'grid', placeItems: 'center' }}
    >
      <PictureAsPdfIcon color="error" sx={{ fontSize: 48 }} />
    </Link>
  );
  return (
    <Box sx={{ width: TILE }} data-testid="attachment">
      {preview}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="body2" noWrap title={attachment.fileName}>
            {attachment.fileName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatSize(attachment.size)}
          </Typography>
        </Box>
        {onDelete ? (
          <Tooltip title={translate('suiji.attachment.delete')}>
            <IconButton size="small" onClick={onDelete} aria-label={translate('suiji.attachment.delete')}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ) : null}
      </Stack>
    </Box>
  );
};

/**
 * The photos and PDF scans of an inspection's result. Members of its team add and remove them while the
 * result can still be entered; files are checked here by the same rules as the API's before they are sent.
 */
/** `label` is read by the show layout. */
export const AttachmentsField = (_props: { label?: string }) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({
    action: 'enter',
    resource: 'inspections',
    record: inspection,
    enabled: !!inspection,
  });
  const id = inspection ? String(inspection.id) : '';
  const editable = !!inspection && !!canAccess && isEnterable(inspection.state);
  const key = ['attachments', id];
  const { data: attachments = [], isPending } = useQuery({
    queryKey: key,
    queryFn: () => listAttachments(id),
    enabled: !!inspection,
  });
  const { data: rules } = useQuery({
    queryKey: ['attachmentRules'],
    queryFn: fetchAttachmentRules,
    enabled: editable,
    staleTime: Infinity,
  });
  const [busy, setBusy] = useState(false);
  const [toDelete, setToDelete] = useState<AttachmentRecord | null>(null);
  if (!inspection) return null;
  const reader = (locale === 'en' ? 'en' : 'zh-CN') satisfies Locale;

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (!rules || files.length === 0) return;
    setBusy(true);
    let count = attachments.length;
    try {
      for (const file of files) {
        const problem = attachmentPrecheck(file, await headOf(file), rules, count);
        if (problem) {
          notify(problem[reader], { type: 'error', autoHideDuration: 10_000 });
          continue;
        }
        try {
          await uploadAttachment(id, file);
          count++;
          notify('suiji.attachment.uploaded', { type: 'success', messageArgs: { name: file.name } });
        } catch (e) {
          notify((e as Error).message, { type: 'error', autoHideDuration: 10_000 });
        }
      }
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: key });
    }
  };

  const onConfirmDelete = () => {
    const attachment = toDelete;
    setToDelete(null);
    if (!attachment) return;
    deleteAttachment(attachment.id)
      .then(() =>
        notify('suiji.attachment.deleted', { type: 'info', messageArgs: { name: attachment.fileName } }),
      )
      .catch((e: Error) => notify(e.message, { type: 'error' }))
      .finally(() => void queryClient.invalidateQueries({ queryKey: key }));
  };

  return (
    <Stack spacing={1} data-testid="attachments">
      {isPending ? (
        <CircularProgress size={20} />
      ) : attachments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('suiji.attachment.none')}
        </Typography>
      ) : (
        <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
          {attachments.map((a) => (
            <AttachmentTile
              key={a.id}
              attachment={a}
              onDelete={editable ? () => setToDelete(a) : undefined}
            />
          ))}
        </Stack>
      )}
      {editable && rules ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {/* On a phone, `capture` opens the camera; elsewhere it picks a photo like the other button. */}
            <MuiButton
              component="label"
              variant="contained"
              size="small"
              startIcon={<PhotoCameraIcon />}
              disabled={busy || attachments.length >= rules.maxCount}
              data-testid="take-photo"
            >
              {translate('suiji.attachment.take_photo')}
              <input
                hidden
                type="file"
                accept={PHOTO_ACCEPT}
                capture="environment"
                onChange={(e) => void onFiles(e)}
                name="photo"
              />
            </MuiButton>
            <MuiButton
              component="label"
              variant="outlined"
              size="small"
              startIcon={busy ? <CircularProgress size={16} /> : <AttachFileIcon />}
              disabled={busy || attachments.length >= rules.maxCount}
              data-testid="upload-attachment"
            >
              {translate(busy ? 'suiji.attachment.uploading' : 'suiji.attachment.upload')}
              <input
                hidden
                type="file"
                multiple
                accept={ATTACHMENT_ACCEPT}
                onChange={(e) => void onFiles(e)}
                name="attachment"
              />
            </MuiButton>
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {translate('suiji.attachment.help', {
              max: formatSize(rules.maxBytes),
              count: rules.maxCount,
            })}
          </Typography>
        </Stack>
      ) : null}
      <Confirm
        isOpen={toDelete !== null}
        title="suiji.attachment.delete_title"
        content="suiji.attachment.delete_content"
        translateOptions={{ name: toDelete?.fileName ?? '' }}
        onConfirm={onConfirmDelete}
        onClose={() => setToDelete(null)}
      />
    </Stack>
  );
};
