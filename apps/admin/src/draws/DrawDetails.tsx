import DownloadIcon from '@mui/icons-material/GetApp';
import { Alert, Button as MuiButton, Chip, Stack, Typography } from '@mui/material';
import { formatChinaTime, formatRatioBp } from '@suiji/domain';
import type { ReactNode } from 'react';
import {
  ChipField,
  Labeled,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  TextField,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import type { DrawRecordFields, PublishedDrawFields } from './drawTypes';
import { TaskItemsField } from './TaskItemsField';
import { VerifyButtons } from './VerifyButtons';

/** A digest, seed or nonce: fixed-width and broken anywhere, so 64 hex characters fit. */
const HexField = (props: FieldProps) => (
  <TextField {...props} sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} emptyText="—" />
);

export const DrawStatusChip = () => {
  const draw = useRecordContext<PublishedDrawFields>();
  const translate = useTranslate();
  if (!draw) return null;
  return (
    <Chip
      size="small"
      color={draw.status === 'DRAWN' ? 'success' : 'info'}
      label={translate(`enums.drawStatus.${draw.status}`)}
      data-testid="draw-status"
      data-status={draw.status}
    />
  );
};

const RatiosField = () => {
  const draw = useRecordContext<PublishedDrawFields>();
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {(draw?.ratios ?? []).map(({ riskClass, ratioBp }) => (
        <Chip
          key={riskClass}
          size="small"
          label={`${translate(`enums.riskClass.${riskClass}`)}${translate('suiji.colon')}${formatRatioBp(ratioBp)}`}
        />
      ))}
    </Stack>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5}>
      <Typography variant="h6">{translate(title)}</Typography>
      {children}
    </Stack>
  );
};

/**
 * 摇号时间线: scheduled (the commitment and the source published) → the source's outcome published → run,
 * so that anyone can see the entropy came after the commitment, and the run after the entropy.
 */
const DrawTimeline = () => {
  const draw = useRecordContext<PublishedDrawFields>();
  const translate = useTranslate();
  if (!draw) return null;
  const steps: { key: string; label: string; at: string | null }[] = [
    { key: 'scheduled', label: translate('suiji.draw.timeline_scheduled'), at: draw.createdAt },
    ...(draw.entropySource
      ? [
          {
            key: 'entropy',
            label: translate('suiji.draw.timeline_entropy', {
              source: translate(`enums.entropySource.${draw.entropySource}`),
              issue: draw.entropyIssue ?? '',
            }),
            at: draw.entropyPublishedAt,
          },
        ]
      : []),
    { key: 'run', label: translate('suiji.draw.timeline_run'), at: draw.ranAt },
  ];
  return (
    <Stack component="ol" spacing={0.5} sx={{ m: 0, pl: 3 }} data-testid="draw-timeline">
      {steps.map((step) => (
        <Typography component="li" key={step.key} data-step={step.key}>
          <Typography component="span" sx={{ fontVariantNumeric: 'tabular-nums', mr: 1 }}>
            {step.key === 'run' && !step.at
              ? translate('suiji.draw.timeline_pending')
              : step.at
                ? formatChinaTime(step.at, true)
                : '—'}
          </Typography>
          {step.label}
        </Typography>
      ))}
    </Stack>
  );
};

/** What a draw is about, for staff: its task (linked), the task's items and departments. */
const DrawHeading = () => (
  <Stack spacing={1}>
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="h5" component="div" data-testid="draw-title">
        <ReferenceField source="taskId" reference="tasks" link="show">
          <TextField source="name" variant="h5" />
        </ReferenceField>
      </Typography>
      <DrawStatusChip />
    </Stack>
    <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
      <Labeled source="departmentIds">
        <ReferenceArrayField source="departmentIds" reference="departments">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </Labeled>
      <Labeled source="items" label="resources.draws.fields.items">
        <ReferenceField source="taskId" reference="tasks" link={false}>
          <TaskItemsField />
        </ReferenceField>
      </Labeled>
    </Stack>
  </Stack>
);

/**
 * Everything published about a draw, for staff and public alike (the API's `Draw` and `PublicDraw` share
 * these fields): what was fixed when it was scheduled (the commitment, the frozen pool's digest and size),
 * and once it has run what it revealed (nonce, entropy, seed) with the files and the two verifications.
 */
export const PublishedDrawDetails = () => {
  const draw = useRecordContext<PublishedDrawFields>();
  const translate = useTranslate();
  if (!draw) return null;
  return (
    <>
      <Section title="suiji.draw.timeline">
        <DrawTimeline />
      </Section>
      <Section title="suiji.draw.section_commitment">
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
          <Labeled source="createdAt" label="suiji.draw.scheduled_at">
            <LocalDateField source="createdAt" showTime />
          </Labeled>
          <Labeled source="runAfter">
            <LocalDateField source="runAfter" showTime />
          </Labeled>
          <Labeled source="poolSize">
            <NumberField source="poolSize" />
          </Labeled>
          <Labeled source="excludedCount">
            <NumberField source="excludedCount" />
          </Labeled>
          <Labeled source="rosterSize">
            <NumberField source="rosterSize" />
          </Labeled>
          <Labeled source="team.size">
            <NumberField source="team.size" />
          </Labeled>
        </Stack>
        {draw.entropySource ? (
          <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
            <Labeled source="entropySource">
              <Typography data-testid="entropy-source">
                {translate(`enums.entropySource.${draw.entropySource}`)}
              </Typography>
            </Labeled>
            <Labeled source="entropyIssue">
              <TextField source="entropyIssue" />
            </Labeled>
            <Labeled source="entropyPublishedAt">
              <LocalDateField source="entropyPublishedAt" showTime />
            </Labeled>
          </Stack>
        ) : null}
        <Labeled source="ratios">
          <RatiosField />
        </Labeled>
        <Labeled source="commitment">
          <HexField source="commitment" />
        </Labeled>
        <Labeled source="poolDigest">
          <HexField source="poolDigest" />
        </Labeled>
        <Stack direction="row" spacing={1}>
          <MuiButton
            href={draw.poolUrl}
            download
            startIcon={<DownloadIcon />}
            size="small"
            sx={{ textTransform: 'none' }}
            data-testid="download-pool"
          >
            {translate('suiji.draw.download_pool')}
          </MuiButton>
          <MuiButton
            href={draw.exclusionsUrl}
            download
            startIcon={<DownloadIcon />}
            size="small"
            sx={{ textTransform: 'none' }}
          >
            {translate('suiji.draw.download_exclusions')}
          </MuiButton>
        </Stack>
      </Section>
      <Section title="suiji.draw.section_result">
        {draw.status !== 'DRAWN' ? (
          <Alert severity="info">{translate('suiji.draw.not_run')}</Alert>
        ) : (
          <>
            <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
              <Labeled source="ranAt">
                <LocalDateField source="ranAt" showTime />
              </Labeled>
              <Labeled source="selectedCount">
                <NumberField source="selectedCount" />
              </Labeled>
            </Stack>
            <Labeled source="publicEntropy">
              <TextField source="publicEntropy" emptyText="—" />
            </Labeled>
            <Labeled source="nonce">
              <HexField source="nonce" />
            </Labeled>
            <Labeled source="seed">
              <HexField source="seed" />
            </Labeled>
            {draw.recordUrl ? (
              <div>
                <MuiButton
                  href={draw.recordUrl}
                  download
                  startIcon={<DownloadIcon />}
                  size="small"
                  sx={{ textTransform: 'none' }}
                >
                  {translate('suiji.draw.download_record')}
                </MuiButton>
              </div>
            ) : null}
            <VerifyButtons draw={draw} />
          </>
        )}
      </Section>
    </>
  );
};

/** A draw as staff see it: its task, then what is published of it. */
export const DrawDetails = () => {
  const draw = useRecordContext<DrawRecordFields>();
  if (!draw) return null;
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <DrawHeading />
      <PublishedDrawDetails />
    </Stack>
  );
};
