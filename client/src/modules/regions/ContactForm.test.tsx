import { fireEvent, screen } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage } from '../liaison/formTestKit';
import { ContactForm } from './ContactForm';
import { CREATE_CONTACT_MUTATION } from './regionPage.graphql';

const noop = () => {};
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('ContactForm', () => {
  it('asks for the name and a real e-mail address', async () => {
    renderFormPage(<ContactForm regionCode="653125" onDone={noop} />);
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'not-an-address' } });
    save();
    expect(await screen.findByText('请输入姓名')).toBeTruthy();
    expect(await screen.findByText('请输入有效的电子邮箱')).toBeTruthy();
  });

  it('shows the server’s BAD_USER_INPUT message on the telephone field', async () => {
    const input = {
      regionCode: '653125',
      name: '阿依古丽',
      title: '',
      organisation: '',
      phone: 'call me',
      email: '',
      note: '',
    };
    renderFormPage(<ContactForm regionCode="653125" onDone={noop} />, [
      {
        request: { query: CREATE_CONTACT_MUTATION, variables: { input } },
        result: badUserInput('input.phone', 'input.phone: is not a telephone number'),
      },
    ]);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '阿依古丽' } });
    fireEvent.change(screen.getByLabelText('电话'), { target: { value: 'call me' } });
    save();
    const message = await screen.findByText('input.phone: is not a telephone number');
    expect(formItemOf(message)?.querySelector('#phone')).not.toBeNull();
  });
});
