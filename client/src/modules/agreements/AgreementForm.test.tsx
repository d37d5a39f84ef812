import { fireEvent, screen } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage, typeDate } from '../liaison/formTestKit';
import { AgreementForm } from './AgreementForm';
import { UPDATE_AGREEMENT_MUTATION, type AgreementDetail } from './agreements.graphql';

const agreement: AgreementDetail = {
  id: 'a1',
  code: 'AG-KS-2022-03',
  title: { zh: '泽普县医疗卫生对口合作协议', en: '' },
  counterpart: '泽普县人民政府',
  kind: 'PARTNER_ASSISTANCE',
  fields: ['HEALTH'],
  signedOn: '2022-05-10',
  validFrom: '2022-06-01',
  validUntil: '2026-12-31',
  signatories: ['市卫健委主任'],
  regionCodes: ['653124'],
  regions: [],
  note: '',
  expiringSoon: false,
  expired: false,
  overdueCommitmentCount: 0,
  archived: false,
  canEdit: true,
  version: 3,
  commitments: [],
  projects: [],
};

const noop = () => {};
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('AgreementForm', () => {
  it('labels every field', () => {
    renderFormPage(<AgreementForm onSaved={noop} onCancel={noop} />);
    for (const label of [
      '协议编号',
      '名称（中文）',
      '名称（英文）',
      '对方单位',
      '类型',
      '合作领域',
      '签订日期',
      '生效日期',
      '有效期至',
      '签署人',
      '涉及地区',
      '备注',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('says what is missing before sending anything', async () => {
    renderFormPage(<AgreementForm onSaved={noop} onCancel={noop} />);
    save();
    for (const text of [
      '请输入协议编号',
      '请输入中文名称',
      '请输入对方单位',
      '请选择协议类型',
      '请选择签订日期',
      '请选择生效日期',
      '请选择有效期截止日期',
      '请至少选择一个地区',
    ]) {
      expect(await screen.findByText(text)).toBeTruthy();
    }
  });

  it('refuses an end of validity before its start, on that field', async () => {
    renderFormPage(<AgreementForm agreement={agreement} onSaved={noop} onCancel={noop} />);
    typeDate('有效期至', '2022-01-01');
    save();
    const message = await screen.findByText('有效期截止日期不能早于生效日期');
    expect(formItemOf(message)?.querySelector('#validUntil')).not.toBeNull();
  });

  it('shows the server’s BAD_USER_INPUT message on the field it names', async () => {
    const input = {
      title: { zh: '泽普县医疗卫生对口合作协议', en: '' },
      counterpart: '泽普县人民政府',
      kind: 'PARTNER_ASSISTANCE',
      fields: ['HEALTH'],
      signedOn: '2022-05-10',
      validFrom: '2022-06-01',
      validUntil: '2026-12-31',
      signatories: ['市卫健委主任'],
      regionCodes: ['653124'],
      note: '',
    };
    renderFormPage(<AgreementForm agreement={agreement} onSaved={noop} onCancel={noop} />, [
      {
        request: { query: UPDATE_AGREEMENT_MUTATION, variables: { id: 'a1', version: 3, input } },
        result: badUserInput('input.counterpart', 'input.counterpart: must be at most 200 characters'),
      },
    ]);
    save();
    const message = await screen.findByText('input.counterpart: must be at most 200 characters');
    expect(formItemOf(message)?.querySelector('#counterpart')).not.toBeNull();
  });
});
