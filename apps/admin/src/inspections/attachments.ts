/** What the dashboard checks before uploading an attachment: the domain's rules, so it words a refusal as the API would. */
import {
  ATTACHMENT_SNIFF_BYTES,
  ATTACHMENT_TYPES,
  attachmentCountProblem,
  checkAttachment,
  type Text,
} from '@suiji/domain';
import type { AttachmentRules } from '../providers/attachments';

/** The file picker's filter: the accepted types and their extensions (the content is still checked). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => [
  t.mimeType,
  ...t.extensions.map((e) => `.${e}`),
]).join(',');

/**
 * The camera's filter: the photo types only, so a phone offers its camera (with `capture`) and hands over a
 * JPEG rather than a format the API refuses (iOS converts its HEIC photos to a type listed here).
 */
export const PHOTO_ACCEPT = ATTACHMENT_TYPES.filter((t) => t.mimeType.startsWith('image/'))
  .map((t) => t.mimeType)
  .join(',');

/** Whether an attachment is shown as a thumbnail. */
export function isImage(mimeType: string): boolean {
  return ATTACHMENT_TYPES.some((t) => t.image && t.mimeType === mimeType);
}

/** A file size for people: "512 B", "340 KB", "1.5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`;
}

/**
 * Why a chosen file would be refused, or null: the same rules as the API's, from its name, declared type,
 * size and first bytes, given how many attachments the inspection already has.
 */
export function attachmentPrecheck(
  file: { name: string; type: string; size: number },
  head: Uint8Array,
  rules: AttachmentRules,
  existing: number,
): Text | null {
  const tooMany = attachmentCountProblem(existing, rules.maxCount);
  if (tooMany) return tooMany.message;
  const check = checkAttachment(
    { fileName: file.name, declaredType: file.type, size: file.size, head },
    rules.maxBytes,
  );
  return check.ok ? null : check.problem.message;
}

/** The first bytes of a file, which decide its type. */
export async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, ATTACHMENT_SNIFF_BYTES).arrayBuffer());
}
