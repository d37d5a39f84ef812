import { fireEvent, screen } from '@testing-library/react';
import { AppropriationForm } from './AppropriationForm';
import { RECORD_APPROPRIATION_MUTATION, REVERSE_DISBURSEMENT_MUTATION } from './fund.graphql';
import { ProposeAllocationForm } from './ProposeAllocationForm';
import { renderForTest } from './renderForTest';
import { ReversalForm } from './ReversalForm';

const find = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 5000 });
const fieldOf = (message: HTMLElement) => message.closest('.ant-form-item');
const badInput = (field: string, message: string) => ({
  errors: [
    { message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field, fields: [{ field, message }] } },
  ],
});

describe('AppropriationForm', () => {
  it('says what is missing before sending anything', async () => {
    renderForTest(<AppropriationForm onDone={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /保存拨款/ }));
    expect(await find('请输入预算年度')).toBeTruthy();
    expect(await find('请输入金额')).toBeTruthy();
    expect(await find('请输入资金来源')).toBeTruthy();
    expect(await find('请输入拨款文号')).toBeTruthy();
  });

  it('shows the server’s refusal of a closed year on the year field', async () => {
    const input = { year: 2025, amount: '100000000', source: '市级财政', documentRef: '财发〔2025〕9号' };
    renderForTest(<AppropriationForm year={2025} onDone={jest.fn()} />, {
      mocks: [
        {
          request: { query: RECORD_APPROPRIATION_MUTATION, variables: { input } },
          result: badInput('input.year', 'the year 2025 is closed; no entry may be dated in it'),
        },
      ],
    });
    fireEvent.change(screen.getByLabelText('金额'), { target: { value: '1000000' } });
    fireEvent.change(screen.getByLabelText('资金来源'), { target: { value: '市级财政' } });
    fireEvent.change(screen.getByLabelText('文号'), { target: { value: '财发〔2025〕9号' } });
    fireEvent.click(screen.getByRole('button', { name: /保存拨款/ }));
    const message = await find('the year 2025 is closed; no entry may be dated in it');
    expect(fieldOf(message)?.querySelector('#year')).not.toBeNull();
  });
});

describe('ProposeAllocationForm', () => {
  it('requires an amount and a purpose, and refuses a non-positive amount', async () => {
    renderForTest(<ProposeAllocationForm projectId="p1" openYears={[2026]} onDone={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /提交申请/ }));
    expect(await find('请输入金额')).toBeTruthy();
    expect(await find('请说明资金用途')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('申请金额'), { target: { value: '0' } });
    expect(await find('请输入大于 0 的金额，最多两位小数')).toBeTruthy();
  });

  it('says when no year is open for proposals', () => {
    renderForTest(<ProposeAllocationForm projectId="p1" openYears={[]} onDone={jest.fn()} />);
    expect(screen.getByText('当前没有可申请的（未关账且已有拨款的）年度。')).toBeTruthy();
  });
});

describe('ReversalForm', () => {
  const target = { kind: 'DISBURSEMENT' as const, id: 'd1', amount: '250000', year: 2025 };

  it('requires a reason, and in a closed year the open year to book in', async () => {
    renderForTest(<ReversalForm target={target} yearClosed openYears={[]} onDone={jest.fn()} />);
    expect((screen.getByLabelText('冲销金额') as HTMLInputElement).value).toBe('2500');
    fireEvent.click(screen.getByRole('button', { name: /确认冲销/ }));
    expect(await find('冲销时必须填写原因')).toBeTruthy();
    expect(await find('请选择记入年度')).toBeTruthy();
  });

  it('shows the server’s refusal of the amount on the amount field', async () => {
    renderForTest(<ReversalForm target={target} yearClosed={false} openYears={[2025]} onDone={jest.fn()} />, {
      mocks: [
        {
          request: {
            query: REVERSE_DISBURSEMENT_MUTATION,
            variables: { id: 'd1', input: { amount: '250000', reason: '凭证录错', bookYear: undefined } },
          },
          result: badInput('input.amount', 'exceeds what remains of the disbursement (1000 fen)'),
        },
      ],
    });
    fireEvent.change(screen.getByLabelText('冲销原因'), { target: { value: '凭证录错' } });
    fireEvent.click(screen.getByRole('button', { name: /确认冲销/ }));
    const message = await find('exceeds what remains of the disbursement (1000 fen)');
    expect(fieldOf(message)?.querySelector('#amount')).not.toBeNull();
  });
});
