import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMultipart } from './multipart';

/** The body and its Content-Type as a browser (undici's FormData encoder) writes them. */
async function encode(form: FormData) {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type') };
}

describe('multipart bodies', () => {
  it('gives the same fields as Request#formData, for any text and any file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string({ minLength: 1 }), fc.uint8Array({ maxLength: 3000 }), async (text, fileName, bytes) => {
        const form = new FormData();
        form.set('kind', text);
        form.set('file', new Blob([bytes]), fileName);
        const { body, type } = await encode(form);
        const fields = parseMultipart(body, type)!;
        const expected = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type! }, body }).formData();
        const file = expected.get('file') as File;
        expect(fields).toEqual([
          { name: 'kind', value: expected.get('kind') },
          { name: 'file', fileName: file.name, type: 'application/octet-stream', bytes: new Uint8Array(await file.arrayBuffer()) },
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not a well-formed multipart body', async () => {
    const form = new FormData();
    form.set('kind', 'ventures');
    const { body, type } = await encode(form);
    expect(parseMultipart(body, 'text/plain')).toBeNull();
    expect(parseMultipart(body.subarray(0, body.length - 10), type)).toBeNull();
    expect(parseMultipart(new TextEncoder().encode('garbage'), type)).toBeNull();
    const many = new FormData();
    for (let i = 0; i < 30; i++) many.append('x', String(i));
    const m = await encode(many);
    expect(parseMultipart(m.body, m.type)).toBeNull();
  });
});
