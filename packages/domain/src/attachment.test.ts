import { describe, expect, it } from 'vitest';
import {
  attachmentCountProblem,
  attachmentFileName,
  checkAttachment,
  formatMegabytes,
  megabytes,
  sniffAttachmentType,
  tooLargeProblem,
} from './attachment.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n%âãÏÓ');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]);
const TEXT = bytes('hello, inspector\n');
const MAX = megabytes(20);

const candidate = (head: Uint8Array, fileName: string, declaredType = '', size = 1000) => ({
  head,
  fileName,
  declaredType,
  size,
});

describe('attachments', () => {
  it('are recognised by their first bytes, whatever their name says', () => {
    expect(sniffAttachmentType(JPEG)?.mimeType).toBe('image/jpeg');
    expect(sniffAttachmentType(PNG)?.mimeType).toBe('image/png');
    expect(sniffAttachmentType(WEBP)?.mimeType).toBe('image/webp');
    expect(sniffAttachmentType(PDF)?.mimeType).toBe('application/pdf');
    expect(sniffAttachmentType(EXE)).toBeNull();
    expect(sniffAttachmentType(TEXT)).toBeNull();
    expect(sniffAttachmentType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it('accept photos and PDFs whose name and declared type agree with their content', () => {
    expect(checkAttachment(candidate(JPEG, '现场照片.JPG', 'image/jpeg'), MAX)).toMatchObject({
      ok: true,
      fileName: '现场照片.JPG',
      type: { mimeType: 'image/jpeg' },
    });
    expect(checkAttachment(candidate(PDF, 'order.pdf', 'application/pdf; charset=binary'), MAX).ok).toBe(
      true,
    );
    // Browsers send an empty or generic type for files they do not know; the content decides.
    expect(checkAttachment(candidate(PNG, 'scan.png', ''), MAX).ok).toBe(true);
    expect(checkAttachment(candidate(WEBP, 'photo', 'application/octet-stream'), MAX).ok).toBe(true);
    expect(checkAttachment(candidate(JPEG, 'old.jpeg', 'image/jpg'), MAX).ok).toBe(true);
  });

  it('refuse programs and text renamed as photos, saying the content decides', () => {
    const exe = checkAttachment(candidate(EXE, 'setup.exe', 'application/x-msdownload'), MAX);
    expect(exe).toMatchObject({ ok: false, problem: { code: 'UNSUPPORTED_TYPE' } });
    const renamed = checkAttachment(candidate(TEXT, 'photo.png', 'image/png'), MAX);
    expect(renamed).toMatchObject({ ok: false, problem: { code: 'UNSUPPORTED_TYPE' } });
    if (!renamed.ok) {
      expect(renamed.problem.message.en).toContain('judged by its content, not its name');
      expect(renamed.problem.message['zh-CN']).toContain('按文件内容判断');
    }
  });

  it('refuse a name or a declared type that disagrees with the content, and say how to fix it', () => {
    const misnamed = checkAttachment(candidate(JPEG, 'photo.png', 'image/png'), MAX);
    expect(misnamed).toMatchObject({ ok: false, problem: { code: 'TYPE_MISMATCH' } });
    if (!misnamed.ok) expect(misnamed.problem.message.en).toContain('Rename it to end in .jpg');
    const mislabelled = checkAttachment(candidate(PDF, 'order.pdf', 'image/png'), MAX);
    expect(mislabelled).toMatchObject({ ok: false, problem: { code: 'TYPE_MISMATCH' } });
    if (!mislabelled.ok) expect(mislabelled.problem.message.en).toContain('sent as image/png');
  });

  it('refuse empty files, files over the limit and files without a usable name', () => {
    expect(checkAttachment(candidate(JPEG, 'a.jpg', '', 0), MAX)).toMatchObject({
      ok: false,
      problem: { code: 'EMPTY' },
    });
    const big = checkAttachment(candidate(JPEG, 'a.jpg', '', megabytes(50)), MAX);
    expect(big).toMatchObject({ ok: false, problem: { code: 'TOO_LARGE' } });
    if (!big.ok) {
      expect(big.problem.message.en).toContain('The file is 50 MB; an attachment may be at most 20 MB');
      expect(big.problem.message['zh-CN']).toContain('附件不能超过 20 MB');
    }
    expect(checkAttachment(candidate(JPEG, '', ''), MAX)).toMatchObject({ problem: { code: 'BAD_NAME' } });
    expect(checkAttachment(candidate(JPEG, 'a\nb.jpg', ''), MAX)).toMatchObject({
      problem: { code: 'BAD_NAME' },
    });
    expect(checkAttachment(candidate(JPEG, `${'长'.repeat(201)}.jpg`, ''), MAX)).toMatchObject({
      problem: { code: 'BAD_NAME' },
    });
  });

  it('keep the file name without any folder a client left in it', () => {
    expect(attachmentFileName('C:\\Users\\张三\\照片.jpg')).toBe('照片.jpg');
    expect(attachmentFileName('/tmp/a/b.pdf ')).toBe('b.pdf');
  });

  it('state the limit in megabytes, also when the size is unknown', () => {
    expect(formatMegabytes(megabytes(50))).toBe('50');
    expect(formatMegabytes(1_572_864)).toBe('1.5');
    expect(tooLargeProblem(megabytes(20)).message.en).toContain('larger than 20 MB');
  });

  it('allow at most 20 attachments per inspection', () => {
    expect(attachmentCountProblem(19)).toBeNull();
    expect(attachmentCountProblem(20)?.code).toBe('TOO_MANY');
    expect(attachmentCountProblem(2, 2)?.message['zh-CN']).toContain('最多 2 个附件');
  });
});
