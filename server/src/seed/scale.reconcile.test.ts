import { useTestDatabase } from '../../test/db';
import { reconcile } from '../modules/fund/reconcile';
import { seedScale } from './scale';

useTestDatabase();
// The fund's reconcile walks every account; a small scale keeps this file to a few minutes.
jest.setTimeout(900_000);

it('posts the special fund of the scale data so that reconcile finds nothing to repair', async () => {
  const report = await seedScale(0.002, { info: () => {} });
  expect(report.ledgerEntries).toBeGreaterThan(200);
  const fund = await reconcile({ pendingOlderThanMs: 0 });
  expect(fund.unrepairable).toEqual([]);
  expect(fund.repaired).toEqual([]);
  expect(fund.ledgerEntries).toBe(report.ledgerEntries);
});
