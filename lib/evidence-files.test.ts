import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileName, sniffEvidenceType, fileDownload } from './evidence-files';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('evidence file types, by content', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffEvidenceType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses anything else, whatever its name would say', () => {
    expect(sniffEvidenceType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull(); // a Windows executable
    expect(sniffEvidenceType(bytes(0x25, 0x50, 0x44))).toBeNull(); // too short
    expect(sniffEvidenceType(bytes())).toBeNull();
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // truncated PNG signature
  });
});

describe('file names', () => {
  it('drops folders, control characters and header-breaking characters', () => {
    expect(safeFileName('C:\\Users\\x\\证书.pdf', 'f.pdf')).toBe('证书.pdf');
    expect(safeFileName('../../etc/passwd', 'f.pdf')).toBe('passwd');
    expect(safeFileName('a"b\r\n;c.pdf', 'f.pdf')).toBe('abc.pdf');
    expect(safeFileName('...', 'f.pdf')).toBe('f.pdf');
    expect(Array.from(safeFileName('长'.repeat(300) + '.pdf', 'f')).length).toBe(120);
  });

  it('sends an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('证书 2025.pdf')).toBe(`attachment; filename="__ 2025.pdf"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%202025.pdf`);
  });
});

describe('downloads', () => {
  it('are attachments under a safe name with the stored type, whatever name was uploaded', async () => {
    const content = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const res = fileDownload({ content, mimeType: 'application/pdf', fileName: '../../etc/"passwd"\r\nSet-Cookie: x=1;.html' }, 'evidence-7');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[\r\n]|\.\.\/|passwd"/);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content);
  });

  it('fall back to a given name when nothing of the uploaded one is left', () => {
    const res = fileDownload({ content: new Uint8Array(), mimeType: 'image/png', fileName: '///' }, 'attachment-3');
    expect(res.headers.get('content-disposition')).toContain('filename="attachment-3.bin"');
  });

  it('never carry a header-breaking name, for any uploaded name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const value = fileDownload({ content: new Uint8Array(), mimeType: 'application/pdf', fileName: name }, 'fallback').headers.get('content-disposition')!;
        expect(value).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%\-_.~*]*$/);
        const ascii = /filename="([^"]*)"/.exec(value)![1]!;
        expect(ascii).not.toMatch(/[\\/"]/);
      }),
      { numRuns: 2000 },
    );
  });
});
