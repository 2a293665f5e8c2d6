import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileName, sniffEvidenceType } from './evidence-files';

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
    expect(attachmentDisposition('证书 2025.pdf')).toBe(
      `attachment; filename="__ 2025.pdf"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%202025.pdf`,
    );
  });
});
