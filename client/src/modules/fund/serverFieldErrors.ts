import type { FormInstance } from 'antd';
import { API_ERROR, graphQLErrorsOf } from '../../app/apiErrors';

type FieldMessage = { field: string; message: string };

function fieldMessagesOf(extensions: Record<string, unknown> | undefined, message: string): FieldMessage[] {
  const listed = extensions?.fields;
  if (Array.isArray(listed)) {
    return listed.filter((f): f is FieldMessage => typeof f?.field === 'string' && typeof f?.message === 'string');
  }
  return typeof extensions?.field === 'string' ? [{ field: extensions.field, message }] : [];
}

/**
 * Puts the server's field errors (BAD_USER_INPUT, and CONFLICT naming a field such as a taken voucher
 * number) on the form fields they concern. Returns false when none could be placed, so the caller
 * shows the error above the form instead.
 */
export function showServerFieldErrors<Values>(
  form: FormInstance<Values>,
  error: unknown,
  fieldFor: Record<string, keyof Values & string>,
): boolean {
  const placed = new Map<string, string[]>();
  for (const e of graphQLErrorsOf(error)) {
    const code = e.extensions?.code;
    if (code !== API_ERROR.BAD_USER_INPUT && code !== API_ERROR.CONFLICT) continue;
    for (const { field, message } of fieldMessagesOf(e.extensions, e.message)) {
      const name = fieldFor[field];
      if (!name) continue;
      // A field-level message reads better without the server's "input.amount: " prefix.
      const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
      placed.set(name, [...(placed.get(name) ?? []), text]);
    }
  }
  if (placed.size === 0) return false;
  form.setFields([...placed].map(([name, errors]) => ({ name: name as never, errors })));
  return true;
}

/** The first server message, for an alert above a form. */
export const firstErrorMessage = (error: unknown, fallback: string): string =>
  graphQLErrorsOf(error)[0]?.message ?? fallback;
