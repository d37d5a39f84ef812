import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DisbursementForm } from './DisbursementForm';
import { RECORD_DISBURSEMENT_MUTATION } from './fund.graphql';
import { renderForTest } from './renderForTest';

const ALLOCATION = { id: 'a1', year: 2026, remaining: '5000000' }; // 50,000.00 元

function renderForm(mocks: MockLink.MockedResponse[] = [], onDone = jest.fn()) {
  renderForTest(<DisbursementForm allocation={ALLOCATION} onDone={onDone} />, { mocks });
  return onDone;
}

function pickDate(date: string) {
  const input = screen.getByLabelText('支付日期');
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

function fillValidPayment() {
  fireEvent.change(screen.getByLabelText('支付金额'), { target: { value: '12,345.6' } });
  pickDate('2026-04-15');
  fireEvent.change(screen.getByLabelText('凭证号'), { target: { value: 'V-2026-0042' } });
  fireEvent.change(screen.getByLabelText('收款单位'), { target: { value: '莎车县教育局' } });
}

// jsdom and antd are slow on a shared machine: give asynchronous validation and mocks time.
const find = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 5000 });

const submitButton = () => screen.getByRole('button', { name: /保存支付/ });

type Input = {
  allocationId: string;
  amount: string;
  date: string;
  voucherNo: string;
  payee: string;
  idempotencyKey: string;
};
const expected = (input: Input) =>
  input.allocationId === 'a1' &&
  input.amount === '1234560' &&
  input.date === '2026-04-15' &&
  input.voucherNo === 'V-2026-0042' &&
  input.payee === '莎车县教育局';

const recorded = {
  data: {
    recordDisbursement: {
      __typename: 'Disbursement' as const,
      id: 'd1',
      allocationId: 'a1',
      amount: '1234560',
      voucherNo: 'V-2026-0042',
    },
  },
};

describe('DisbursementForm', () => {
  it('labels every field and shows the unspent balance exactly', () => {
    renderForm();
    for (const label of ['支付金额', '支付日期', '凭证号', '收款单位', '备注']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByText('本笔分配未支付余额：5.00 万元')).toBeTruthy();
  });

  it('says what is missing before sending anything', async () => {
    renderForm();
    fireEvent.click(submitButton());
    expect(await find('请输入金额')).toBeTruthy();
    expect(await find('请选择支付日期')).toBeTruthy();
    expect(await find('请输入凭证号')).toBeTruthy();
    expect(await find('请输入收款单位')).toBeTruthy();
  });

  it('refuses a malformed amount', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('支付金额'), { target: { value: '1.234' } });
    fireEvent.click(submitButton());
    expect(await find('请输入大于 0 的金额，最多两位小数')).toBeTruthy();
  });

  it('refuses an amount above the unspent balance and a date outside the allocation’s year', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('支付金额'), { target: { value: '50000.01' } });
    pickDate('2025-12-31');
    fireEvent.click(submitButton());
    expect(await find('不能超过未支付余额 5.00 万元')).toBeTruthy();
    expect(await find('支付日期须在 2026 年内')).toBeTruthy();
  });

  it('shows a voucher number already recorded on the voucher field', async () => {
    renderForm([
      {
        request: { query: RECORD_DISBURSEMENT_MUTATION, variables: (v: { input: Input }) => expected(v.input) },
        result: {
          errors: [
            {
              message: 'The voucher number V-2026-0042 is already recorded.',
              extensions: { code: 'CONFLICT', field: 'input.voucherNo' },
            },
          ],
        },
      },
    ]);
    fillValidPayment();
    fireEvent.click(submitButton());
    const message = await find('The voucher number V-2026-0042 is already recorded.');
    expect(message.closest('.ant-form-item')?.querySelector('#voucherNo')).not.toBeNull();
  });

  it('shows the server’s BAD_USER_INPUT on the amount field', async () => {
    renderForm([
      {
        request: { query: RECORD_DISBURSEMENT_MUTATION, variables: (v: { input: Input }) => expected(v.input) },
        result: {
          errors: [
            {
              message: "input.amount: exceeds the allocation's remaining balance (100 fen)",
              extensions: {
                code: 'BAD_USER_INPUT',
                field: 'input.amount',
                fields: [{ field: 'input.amount', message: "exceeds the allocation's remaining balance (100 fen)" }],
              },
            },
          ],
        },
      },
    ]);
    fillValidPayment();
    fireEvent.click(submitButton());
    const message = await find("exceeds the allocation's remaining balance (100 fen)");
    expect(message.closest('.ant-form-item')?.querySelector('#amount')).not.toBeNull();
  });

  it('sends one payment for a double click and an Enter while it is on its way', async () => {
    const keys: string[] = [];
    const onDone = renderForm([
      {
        request: { query: RECORD_DISBURSEMENT_MUTATION, variables: (v: { input: Input }) => expected(v.input) },
        result: (v: { input: Input }) => {
          keys.push(v.input.idempotencyKey);
          return recorded;
        },
        delay: 800,
        maxUsageCount: 5,
      },
    ]);
    fillValidPayment();
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    await waitFor(() => expect((submitButton() as HTMLButtonElement).disabled).toBe(true));
    // Enter in a field submits the form even while the button is disabled.
    fireEvent.submit(screen.getByLabelText('凭证号').closest('form')!);
    fireEvent.click(submitButton());
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1), { timeout: 5000 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[a-f0-9]{32}$/);
  });

  it('retries a payment whose answer was lost with the same idempotency key', async () => {
    const keys: string[] = [];
    const onDone = renderForm([
      {
        request: {
          query: RECORD_DISBURSEMENT_MUTATION,
          variables: (v: { input: Input }) => {
            keys.push(v.input.idempotencyKey);
            return expected(v.input);
          },
        },
        error: new TypeError('Failed to fetch'),
      },
      {
        request: {
          query: RECORD_DISBURSEMENT_MUTATION,
          variables: (v: { input: Input }) => {
            keys.push(v.input.idempotencyKey);
            return expected(v.input);
          },
        },
        result: recorded,
      },
    ]);
    fillValidPayment();
    fireEvent.click(submitButton());
    expect(await find(/同一笔支付不会重复登记/)).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(submitButton());
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1), { timeout: 5000 });
    const sent = [...new Set(keys)];
    expect(sent).toHaveLength(1);
  });
});
