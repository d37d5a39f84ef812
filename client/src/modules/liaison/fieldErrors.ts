import type { FormInstance } from 'antd';
import { API_ERROR, graphQLErrorsOf } from '../../app/apiErrors';

type FieldMessage = { field: string; message: string };
export type FieldPath = (string | number)[];
export type FieldFor = (apiField: string) => FieldPath | undefined;

// BAD_USER_INPUT names the bad fields; CONFLICT names one for a duplicate (e.g. an agreement code).
const FIELD_ERROR_CODES: readonly unknown[] = [API_ERROR.BAD_USER_INPUT, API_ERROR.CONFLICT];

function fieldMessagesOf(error: unknown): FieldMessage[] {
  const out: FieldMessage[] = [];
  for (const e of graphQLErrorsOf(error)) {
    if (!FIELD_ERROR_CODES.includes(e.extensions?.code)) continue;
    const { field, fields } = e.extensions ?? {};
    if (Array.isArray(fields) && fields.length > 1) {
      for (const f of fields as unknown[]) {
        const { field: name, message } = (f ?? {}) as Partial<FieldMessage>;
        if (typeof name === 'string' && typeof message === 'string') out.push({ field: name, message });
      }
    } else if (typeof field === 'string') {
      out.push({ field, message: e.message });
    }
  }
  return out;
}

/**
 * Shows the server's field errors on the form fields they name (`fieldFor` maps the API's field
 * path, e.g. `input.title.zh`, to a form field). Answers the message to show above the form when
 * some error could not be placed on a field, or undefined when all were.
 */
export function showServerError<T>(
  form: FormInstance<T>,
  error: unknown,
  fieldFor: FieldFor,
  fallback: string,
): string | undefined {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const f of fieldMessagesOf(error)) {
    const name = fieldFor(f.field);
    if (!name) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) {
    form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name as never, errors })));
    return undefined;
  }
  return graphQLErrorsOf(error)[0]?.message ?? fallback;
}

/** A form field from a plain map of API field paths (`input.code` → `code`). */
export const fieldsFromMap =
  (map: Record<string, string>): FieldFor =>
  (apiField) => {
    const name = map[apiField];
    return name ? [name] : undefined;
  };
