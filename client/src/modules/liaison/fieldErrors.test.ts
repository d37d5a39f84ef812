import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { FormInstance } from 'antd';
import { activityFieldFor } from './ActivityForm';
import { fieldsFromMap, showServerError } from './fieldErrors';

const fakeForm = () => {
  const calls: unknown[] = [];
  return { form: { setFields: (fields: unknown) => calls.push(fields) } as unknown as FormInstance, calls };
};

const answer = (errors: { message: string; extensions: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ errors });

describe('showServerError', () => {
  it('puts each field the server names on its form field', () => {
    const { form, calls } = fakeForm();
    const error = answer([
      {
        message: 'input.title: is required; input.followUps.1.dueDate: is not a real date',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.title',
          fields: [
            { field: 'input.title', message: 'is required' },
            { field: 'input.followUps.1.dueDate', message: 'is not a real date' },
          ],
        },
      },
    ]);
    expect(showServerError(form, error, activityFieldFor, 'unexpected')).toBeUndefined();
    expect(calls).toEqual([
      [
        { name: ['title'], errors: ['is required'] },
        { name: ['followUps', 1, 'dueDate'], errors: ['is not a real date'] },
      ],
    ]);
  });

  it('places a duplicate code (CONFLICT naming a field) and answers other errors for the form', () => {
    const { form, calls } = fakeForm();
    const map = fieldsFromMap({ 'input.code': 'code' });
    const duplicate = answer([
      {
        message: 'An agreement with the code AG-1 already exists.',
        extensions: { code: 'CONFLICT', field: 'input.code' },
      },
    ]);
    expect(showServerError(form, duplicate, map, 'unexpected')).toBeUndefined();
    expect(calls).toEqual([[{ name: ['code'], errors: ['An agreement with the code AG-1 already exists.'] }]]);

    const forbidden = answer([{ message: 'Not allowed.', extensions: { code: 'FORBIDDEN' } }]);
    expect(showServerError(form, forbidden, map, 'unexpected')).toBe('Not allowed.');
    expect(showServerError(form, new TypeError('Failed to fetch'), map, 'unexpected')).toBe('unexpected');
  });
});
