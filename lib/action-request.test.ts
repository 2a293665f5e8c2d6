import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRequestProblem, MAX_ACTION_DEPTH, nestsDeeperThan, referenceProblem } from './action-request';

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request('http://localhost/login', { method: 'POST', body, headers: { 'next-action': 'a'.repeat(42), ...headers } });
const text = (body: string) => post(body, { 'content-type': 'text/plain;charset=UTF-8' });

describe('server action requests', () => {
  it('lets through what the client sends: a JSON reply, or form data with its numbered parts', async () => {
    expect(await actionRequestProblem(text('[{"notificationId":1}]'))).toBeNull();
    expect(await actionRequestProblem(text('[{}]'))).toBeNull();
    expect(await actionRequestProblem(text('["$undefined",{"a":"$$1","d":"$D2025-01-01T00:00:00.000Z","n":"$n12"}]'))).toBeNull();
    const form = new FormData();
    form.set('0', '["$K1"]');
    form.set('1_name', '瑞德生物');
    form.set('1_file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'a.pdf'));
    expect(await actionRequestProblem(post(form, {}))).toBeNull();
    const withParts = new FormData();
    withParts.set('0', '["$@1",{"x":"$Q2"}]');
    withParts.set('1', '"ok"');
    withParts.set('2', '[]');
    expect(await actionRequestProblem(post(withParts, {}))).toBeNull();
  });

  it('refuses what Next would answer with a 500', async () => {
    const cases: [Request, number][] = [
      [text('['.repeat(5000) + ']'.repeat(5000)), 400],
      [text('[{'), 400],
      [text(''), 400],
      [text('["$Q99"]'), 400],
      [text('["$1"]'), 400],
      [text('["$nabc"]'), 400],
      [text('["$Tfoo"]'), 400],
      [text('["$Fzz"]'), 400],
      [post('garbage', { 'content-type': 'multipart/form-data; boundary=xyz' }), 400],
      [post('garbage', { 'content-type': 'multipart/form-data' }), 400],
      [post('[]', { 'content-type': 'application/json' }), 415],
      [post(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]), { 'content-type': 'text/plain' }), 400],
    ];
    for (const [request, status] of cases) expect((await actionRequestProblem(request))?.status).toBe(status);
    const form = new FormData();
    form.set('0', '[' + '{"a":'.repeat(100) + '1' + '}'.repeat(100) + ']');
    expect((await actionRequestProblem(post(form, {})))?.status).toBe(400);
    const missing = new FormData();
    missing.set('0', '["$3"]');
    expect((await actionRequestProblem(post(missing, {})))?.status).toBe(400);
  });

  it('measures nesting without being fooled by brackets in strings', () => {
    expect(nestsDeeperThan('["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]', MAX_ACTION_DEPTH)).toBe(false);
    expect(nestsDeeperThan('["\\"' + '['.repeat(40) + '"]', MAX_ACTION_DEPTH)).toBe(false);
    expect(nestsDeeperThan('['.repeat(MAX_ACTION_DEPTH), MAX_ACTION_DEPTH)).toBe(false);
    expect(nestsDeeperThan('['.repeat(MAX_ACTION_DEPTH + 1), MAX_ACTION_DEPTH)).toBe(true);
  });

  it('decides on any body without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('text/plain', 'multipart/form-data; boundary=b', ''),
        async (body, type) => {
          const verdict = await actionRequestProblem(post(body, type ? { 'content-type': type } : {}));
          if (verdict) expect([400, 413, 415]).toContain(verdict.status);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (s) => void referenceProblem(s, new Set([1]))));
  });
});
