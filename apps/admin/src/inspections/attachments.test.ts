import { describe, expect, it } from 'vitest';
import { ATTACHMENT_ACCEPT, attachmentPrecheck, formatSize, headOf, isImage } from './attachments';

const rules = { maxBytes: 20 * 1024 * 1024, maxCount: 20, mimeTypes: [] };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');

describe('attachment pre-checks', () => {
  it('let photos and PDFs through', () => {
    expect(attachmentPrecheck({ name: '现场.png', type: 'image/png', size: 2048 }, PNG, rules, 0)).toBeNull();
    expect(attachmentPrecheck({ name: '通知书.pdf', type: '', size: 2048 }, PDF, rules, 19)).toBeNull();
  });

  it('stop a file over the limit before sending it, stating the limit', () => {
    const problem = attachmentPrecheck(
      { name: 'big.png', type: 'image/png', size: 50 * 1024 * 1024 },
      PNG,
      rules,
      0,
    );
    expect(problem?.en).toContain('at most 20 MB');
    expect(problem?.['zh-CN']).toContain('附件不能超过 20 MB');
  });

  it('stop a text file renamed .png, and a PDF named .jpg, by their content', () => {
    const text = new TextEncoder().encode('just some notes');
    expect(attachmentPrecheck({ name: 'a.png', type: 'image/png', size: 15 }, text, rules, 0)?.en).toContain(
      'not a JPEG, PNG or WebP photo nor a PDF',
    );
    expect(attachmentPrecheck({ name: 'a.jpg', type: 'image/jpeg', size: 9 }, PDF, rules, 0)?.en).toContain(
      'Rename it to end in .pdf',
    );
  });

  it('stop the attachment one over the most an inspection may have', () => {
    expect(attachmentPrecheck({ name: 'a.png', type: 'image/png', size: 12 }, PNG, rules, 20)?.en).toContain(
      'at most 20 attachments',
    );
  });

  it('read the first bytes of a file', async () => {
    const head = await headOf(new Blob([PDF, new Uint8Array(100)]));
    expect(head.length).toBe(16);
    expect(head.slice(0, 5)).toEqual(PDF.slice(0, 5));
  });

  it('offer the accepted types in the file picker and show images as thumbnails', () => {
    expect(ATTACHMENT_ACCEPT).toContain('application/pdf');
    expect(ATTACHMENT_ACCEPT).toContain('.jpeg');
    expect(isImage('image/jpeg')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
    expect([formatSize(512), formatSize(348_160), formatSize(1_572_864)]).toEqual([
      '512 B',
      '340 KB',
      '1.5 MB',
    ]);
  });
});
