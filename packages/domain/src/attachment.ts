/**
 * Attachments to an inspection's result (photos and PDF scans): which files are accepted, judged by their
 * content rather than their name, and how large and how many they may be. The API enforces these rules;
 * the dashboard checks them before uploading, with the same messages.
 */
import { MAX_LENGTH } from './limits.js';
import { text, type Text } from './text.js';

/** A kind of file an attachment may be. */
export interface AttachmentType {
  readonly mimeType: string;
  /** File name extensions, lower case, the usual one first. */
  readonly extensions: readonly string[];
  /** Whether browsers show it as an image (a thumbnail). */
  readonly image: boolean;
  readonly label: Text;
  /** Whether `head`, the first bytes of a file, starts like this type. */
  readonly matches: (head: Uint8Array) => boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The accepted types: photos as phones and cameras save them (JPEG, PNG, and WebP from some Android
 * cameras) and PDF scans of notices and orders. HEIC is left out: browsers other than Safari cannot show
 * it, and iPhones hand browsers a JPEG when a page accepts JPEG.
 */
export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  {
    mimeType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    image: true,
    label: text('JPEG photo', 'JPEG 照片'),
    matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  },
  {
    mimeType: 'image/png',
    extensions: ['png'],
    image: true,
    label: text('PNG image', 'PNG 图片'),
    matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    mimeType: 'image/webp',
    extensions: ['webp'],
    image: true,
    label: text('WebP image', 'WebP 图片'),
    matches: (head) => startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8),
  },
  {
    mimeType: 'application/pdf',
    extensions: ['pdf'],
    image: false,
    label: text('PDF document', 'PDF 文件'),
    matches: (head) => startsWith(head, ascii('%PDF-')),
  },
];

/** How many leading bytes `sniffAttachmentType` needs. */
export const ATTACHMENT_SNIFF_BYTES = 16;

/** The default size limit of one attachment, in megabytes (MiB); the API makes it a setting. */
export const ATTACHMENT_MAX_MB_DEFAULT = 20;

/** The most attachments one inspection may have. */
export const ATTACHMENTS_PER_INSPECTION_MAX = 20;

/** Extra declared types that mean one of ours (old browsers and some mail clients). */
const MIME_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
};

/** Declared types that say nothing about the content (what browsers send for a file they do not know). */
const UNKNOWN_MIME = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The type a file's content shows, from its first bytes, or null when it is none of the accepted ones. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  return ATTACHMENT_TYPES.find((type) => type.matches(head)) ?? null;
}

/** Megabytes (MiB) as bytes. */
export function megabytes(mb: number): number {
  return mb * 1024 * 1024;
}

/** A size for people, in MB with at most one decimal: 52428800 → "50", 1572864 → "1.5". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 0.1 ? String(Math.round(mb * 10) / 10) : '< 0.1';
}

/** The file name to keep: without any folder a browser or client left in it, trimmed. */
export function attachmentFileName(raw: string): string {
  return (raw.split(/[\\/]/).pop() ?? '').trim();
}

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/** Why an attachment is refused; the API answers each with its own HTTP status. */
export type AttachmentProblemCode =
  'BAD_NAME' | 'EMPTY' | 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'TYPE_MISMATCH' | 'TOO_MANY';

export interface AttachmentProblem {
  readonly code: AttachmentProblemCode;
  readonly message: Text;
}

/** The problem of a file over the limit; `size` may be unknown when the upload was cut off at the limit. */
export function tooLargeProblem(maxBytes: number, size?: number): AttachmentProblem {
  const max = formatMegabytes(maxBytes);
  return {
    code: 'TOO_LARGE',
    message:
      size === undefined
        ? text(
            `The file is larger than ${max} MB, the most an attachment may be. Make it smaller (a lower photo resolution, or split the PDF) and try again.`,
            `文件超过附件大小上限 ${max} MB。请压缩（降低照片分辨率或拆分 PDF）后重试。`,
          )
        : text(
            `The file is ${formatMegabytes(size)} MB; an attachment may be at most ${max} MB. Make it smaller (a lower photo resolution, or split the PDF) and try again.`,
            `文件大小为 ${formatMegabytes(size)} MB，附件不能超过 ${max} MB。请压缩（降低照片分辨率或拆分 PDF）后重试。`,
          ),
  };
}

/** The problem of one attachment too many for an inspection holding `count`, or null. */
export function attachmentCountProblem(
  count: number,
  max: number = ATTACHMENTS_PER_INSPECTION_MAX,
): AttachmentProblem | null {
  return count < max
    ? null
    : {
        code: 'TOO_MANY',
        message: text(
          `An inspection may have at most ${max} attachments; delete one you no longer need first.`,
          `每项检查最多 ${max} 个附件；请先删除不需要的附件。`,
        ),
      };
}

/** A file offered as an attachment: its name, its declared type, its size and its first bytes. */
export interface AttachmentCandidate {
  readonly fileName: string;
  /** The type the client declared (Content-Type, or the browser's `File.type`); may be empty. */
  readonly declaredType: string;
  readonly size: number;
  /** At least the first `ATTACHMENT_SNIFF_BYTES` bytes (all of them for a smaller file). */
  readonly head: Uint8Array;
}

/**
 * Checks a file against the rules: a name, not empty, not over `maxBytes`, an accepted type by its
 * content, and a name and declared type that agree with that content. Returns the type, or the first
 * problem.
 */
export function checkAttachment(
  file: AttachmentCandidate,
  maxBytes: number,
): { ok: true; type: AttachmentType; fileName: string } | { ok: false; problem: AttachmentProblem } {
  const fileName = attachmentFileName(file.fileName);
  // Control characters would break the download's headers and the trail's readability.
  const control = [...fileName].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!fileName || fileName.length > MAX_LENGTH.name || control)
    return {
      ok: false,
      problem: {
        code: 'BAD_NAME',
        message: text(
          `Send the file with its name (at most ${MAX_LENGTH.name} characters, no control characters).`,
          `请连同文件名一起上传（不超过 ${MAX_LENGTH.name} 个字符，不含控制字符）。`,
        ),
      },
    };
  if (file.size === 0)
    return {
      ok: false,
      problem: { code: 'EMPTY', message: text(`"${fileName}" is empty.`, `“${fileName}”是空文件。`) },
    };
  if (file.size > maxBytes) return { ok: false, problem: tooLargeProblem(maxBytes, file.size) };
  const type = sniffAttachmentType(file.head);
  if (!type)
    return {
      ok: false,
      problem: {
        code: 'UNSUPPORTED_TYPE',
        message: text(
          `"${fileName}" is not a JPEG, PNG or WebP photo nor a PDF document (judged by its content, not its name). Attach photos and PDF scans only.`,
          `“${fileName}”不是 JPEG、PNG、WebP 照片或 PDF 文件（按文件内容判断，而非文件名）。只能上传照片和 PDF 扫描件。`,
        ),
      },
    };
  const extension = extensionOf(fileName);
  if (extension !== null && !type.extensions.includes(extension))
    return {
      ok: false,
      problem: {
        code: 'TYPE_MISMATCH',
        message: text(
          `"${fileName}" is a ${type.label.en} by its content, but its name ends in .${extension}. Rename it to end in .${type.extensions[0]} and try again.`,
          `“${fileName}”的内容是${type.label['zh-CN']}，但文件扩展名为 .${extension}。请将扩展名改为 .${type.extensions[0]} 后重试。`,
        ),
      },
    };
  const [mime = ''] = file.declaredType.split(';');
  const declared = mime.trim().toLowerCase();
  if (!UNKNOWN_MIME.has(declared) && (MIME_ALIASES[declared] ?? declared) !== type.mimeType)
    return {
      ok: false,
      problem: {
        code: 'TYPE_MISMATCH',
        message: text(
          `"${fileName}" is a ${type.label.en} by its content, but it was sent as ${declared}. Send it as ${type.mimeType}.`,
          `“${fileName}”的内容是${type.label['zh-CN']}，但上传时声明的类型为 ${declared}。请按 ${type.mimeType} 上传。`,
        ),
      },
    };
  return { ok: true, type, fileName };
}
