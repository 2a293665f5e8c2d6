import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { defineAction, type ActionContext, type ActionResult } from './action';
import { DomainError, type FieldErrors } from './errors';

/**
 * defineAction for the residency flows, whose refusals use message keys of their own
 * catalogue (`admission.*`, `residencyErrors.*`) beside the shared `validation` ones: such a
 * refusal is caught inside the action and translated here, looking under `validation` first,
 * then from the root. `field` renames error keys (a batch's `0.creditCode` -> `creditCode`).
 */
type Refusal = { refusal: FieldErrors };
type Outcome<T> = { value: T } | Refusal;

export function residencyAction<S extends z.ZodType, T>(opts: {
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
  field?: (key: string) => string;
}) {
  const inner = defineAction({
    roles: ['operator'],
    schema: opts.schema,
    run: async (input: z.output<S>, ctx): Promise<Outcome<T>> => {
      try {
        return { value: await opts.run(input, ctx) };
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid' && e.fieldErrors) return { refusal: e.fieldErrors };
        throw e;
      }
    },
  });
  return async (input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const result = await inner(input);
    if (!result.ok) return result;
    if ('value' in result.data) return { ok: true, data: result.data.value, message: result.message };
    const t = await getTranslations();
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(result.data.refusal)) {
      const field = opts.field ? opts.field(key) : key;
      fieldErrors[field] = messages.map((m) => {
        if (t.has(`validation.${m.key}`)) return t(`validation.${m.key}`, m.params);
        if (t.has(m.key)) return t(m.key, m.params);
        return t('validation.invalid');
      });
    }
    return { ok: false, code: 'invalid', message: t('outcome.invalid'), fieldErrors };
  };
}
