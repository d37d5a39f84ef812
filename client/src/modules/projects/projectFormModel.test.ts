import dayjs from 'dayjs';
import { formFieldFor, schemaProblems, toProjectInput, type ProjectFormValues } from './projectFormModel';

const valid: ProjectFormValues = {
  code: 'PA-2026-010',
  nameZh: '卫生院改扩建',
  nameEn: '',
  regionCode: '653121',
  sector: 'HEALTH',
  implementingUnit: '市卫健委',
  officerIds: [],
  plannedStart: dayjs('2026-03-01'),
  plannedEnd: dayjs('2027-06-30'),
  specialFund: '1,250,000.29',
  districtBudget: '0',
  donation: '',
  risk: 'LOW',
  indicators: [{ nameZh: '床位', unit: '张', baseline: 10, target: 60, actual: null }],
};

describe('toProjectInput', () => {
  it('sends amounts as exact fen and dates as office calendar days', () => {
    const input = toProjectInput(valid);
    expect(input.budget).toEqual({ specialFund: '125000029', districtBudget: '0', donation: '0' });
    expect(input.plannedStart).toBe('2026-03-01');
    expect(input.indicators?.[0]).toEqual({
      name: { zh: '床位', en: '' },
      unit: '张',
      baseline: 10,
      target: 60,
      actual: null,
    });
  });
});

describe('schemaProblems (the shared zod schema the server applies)', () => {
  it('accepts a valid project', () => {
    expect(schemaProblems(toProjectInput(valid), 'create')).toEqual([]);
  });

  it('puts each problem on the field that shows it', () => {
    const problems = schemaProblems(
      toProjectInput({
        ...valid,
        code: 'pa 1',
        plannedEnd: dayjs('2026-01-01'),
        indicators: [{ nameZh: '床位', unit: '', target: 1 }],
      }),
      'create',
    );
    expect(problems.map((p) => p.name)).toEqual(
      expect.arrayContaining(['code', 'plannedEnd', ['indicators', 0, 'unit']]),
    );
  });

  it('does not check the code on an edit, which cannot change it', () => {
    expect(schemaProblems(toProjectInput({ ...valid, code: 'whatever' }), 'edit')).toEqual([]);
  });
});

describe('formFieldFor (server field paths)', () => {
  it('maps the API’s paths to form fields', () => {
    expect(formFieldFor('input.code')).toBe('code');
    expect(formFieldFor('input.name.zh')).toBe('nameZh');
    expect(formFieldFor('input.budget.donation')).toBe('donation');
    expect(formFieldFor('input.indicators.2.name.en')).toEqual(['indicators', 2, 'nameEn']);
    expect(formFieldFor('officerIds')).toBe('officerIds');
    expect(formFieldFor('input.somethingElse')).toBeUndefined();
  });
});
