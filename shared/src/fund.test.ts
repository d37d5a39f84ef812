import { appropriationInput, disbursementInput, formatWanYuan, formatYuan, positiveFen } from './fund';

describe('money formatting', () => {
  it.each([
    [0, '0.00 元', 'CNY 0.00'],
    [1, '0.01 元', 'CNY 0.01'],
    [123456, '1,234.56 元', 'CNY 1,234.56'],
    ['10000000000000', '100,000,000,000.00 元', 'CNY 100,000,000,000.00'],
    [-250, '-2.50 元', 'CNY -2.50'],
  ])('formatYuan(%p)', (fen, zh, en) => {
    expect(formatYuan(fen, 'zh-CN')).toBe(zh);
    expect(formatYuan(fen, 'en')).toBe(en);
  });

  it.each([
    [0, '0.00 万元', 'CNY 0.00 thousand'],
    [1_000_000, '1.00 万元', 'CNY 10.00 thousand'],
    [12_345_678, '12.35 万元', 'CNY 123.46 thousand'],
    [12_344_999, '12.34 万元', 'CNY 123.45 thousand'],
    [-5_000, '-0.01 万元', 'CNY -0.05 thousand'],
    [4_999, '0.00 万元', 'CNY 0.05 thousand'],
  ])('formatWanYuan(%p)', (fen, zh, en) => {
    expect(formatWanYuan(fen, 'zh-CN')).toBe(zh);
    expect(formatWanYuan(fen, 'en')).toBe(en);
  });

  it('is exact beyond float precision (2^53 + 1 fen)', () => {
    expect(formatYuan(9007199254740993n)).toBe('90,071,992,547,409.93 元');
    expect(formatYuan('9007199254740993', 'en')).toBe('CNY 90,071,992,547,409.93');
    expect(formatWanYuan('9007199254740993', 'zh-CN', 6)).toBe('9,007,199,254.740993 万元');
  });

  it('refuses what is not whole fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatYuan('1.5')).toThrow(RangeError);
  });
});

describe('fund input schemas', () => {
  it.each([0, -1, 1.5, 1e14, Number.NaN])('refuses the amount %p', (amount) => {
    expect(positiveFen.safeParse(amount).success).toBe(false);
  });

  it('accepts a well-formed appropriation and disbursement', () => {
    expect(
      appropriationInput.safeParse({ year: 2026, amount: 100, source: '市财政', documentRef: '沪财〔2026〕1号' })
        .success,
    ).toBe(true);
    const d = disbursementInput.safeParse({
      allocationId: 'a'.repeat(24),
      amount: 5,
      date: '2026-02-28',
      voucherNo: 'V-1',
      payee: '施工单位',
      idempotencyKey: 'key-12345678',
    });
    expect(d.success && d.data.note).toBe('');
  });

  it('refuses a bad date and a short idempotency key', () => {
    const base = { allocationId: 'a'.repeat(24), amount: 5, voucherNo: 'V', payee: 'P' };
    expect(disbursementInput.safeParse({ ...base, date: '2026-02-30', idempotencyKey: 'key-12345678' }).success).toBe(
      false,
    );
    expect(disbursementInput.safeParse({ ...base, date: '2026-02-28', idempotencyKey: 'k' }).success).toBe(false);
  });
});
