import { fireEvent, screen } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage, typeDate } from '../liaison/formTestKit';
import { CREATE_COMMITMENT_MUTATION } from './agreements.graphql';
import { CommitmentForm } from './CommitmentForm';

const noop = () => {};
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('CommitmentForm', () => {
  it('says what is missing before sending anything', async () => {
    renderFormPage(<CommitmentForm agreementId="a1" onDone={noop} />);
    for (const label of ['承诺方', '内容（中文）', '内容（英文）', '责任单位', '完成期限']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    save();
    expect(await screen.findByText('请输入承诺内容')).toBeTruthy();
    expect(await screen.findByText('请输入责任单位')).toBeTruthy();
    expect(await screen.findByText('请选择完成期限')).toBeTruthy();
  });

  it('shows the server’s BAD_USER_INPUT message on the due date', async () => {
    const input = {
      party: 'OURS',
      description: { zh: '建成远程同步课堂20间', en: '' },
      responsibleUnit: '市教育局',
      dueDate: '2030-02-28',
    };
    renderFormPage(<CommitmentForm agreementId="a1" onDone={noop} />, [
      {
        request: { query: CREATE_COMMITMENT_MUTATION, variables: { agreementId: 'a1', input } },
        result: badUserInput('input.dueDate', 'input.dueDate: is not a real date'),
      },
    ]);
    fireEvent.change(screen.getByLabelText('内容（中文）'), { target: { value: '建成远程同步课堂20间' } });
    fireEvent.change(screen.getByLabelText('责任单位'), { target: { value: '市教育局' } });
    typeDate('完成期限', '2030-02-28');
    save();
    const message = await screen.findByText('input.dueDate: is not a real date');
    expect(formItemOf(message)?.querySelector('#dueDate')).not.toBeNull();
  });
});
