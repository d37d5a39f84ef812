import { ALLOCATION_STATUSES, officeDate } from '@pat/shared';
import { useTestDatabase } from '../../test/db';
import { seedRegions } from '../../test/projects';
import { AllocationModel, DisbursementModel, FundYearModel, LedgerEntryModel } from '../modules/fund/fund.model';
import { formatReport, reconcile } from '../modules/fund/reconcile';
import { ProjectModel } from '../modules/projects/project.model';
import { seedFund } from './fund.seed';
import { seedProjects } from './projects.seed';

useTestDatabase();

describe('special fund demo data', () => {
  it('is idempotent, covers every allocation state in an open and a closed year, and reconciles cleanly', async () => {
    await seedRegions();
    await seedProjects({ info: () => {} });
    await seedFund({ info: () => {} });
    const counts = async () => [
      await LedgerEntryModel.countDocuments(),
      await AllocationModel.countDocuments(),
      await DisbursementModel.countDocuments(),
    ];
    const first = await counts();
    await seedFund({ info: () => {} });
    expect(await counts()).toEqual(first);

    const thisYear = Number(officeDate().slice(0, 4));
    const years = await FundYearModel.find().sort({ year: 1 }).lean();
    expect(years.map((y) => [y.year, y.closed])).toEqual([
      [thisYear - 1, true],
      [thisYear, false],
    ]);
    for (const y of years) {
      expect((await AllocationModel.distinct('status', { year: y.year })).sort()).toEqual(
        [...ALLOCATION_STATUSES].sort(),
      );
      expect(y.approved).toBeLessThanOrEqual(y.appropriated);
    }
    const months = await LedgerEntryModel.distinct('month', { kind: 'DISBURSEMENT', year: thisYear - 1 });
    expect(months.length).toBeGreaterThan(6);
    expect(
      await LedgerEntryModel.countDocuments({ kind: { $in: ['CARRY_OUT', 'CARRY_IN', 'DISBURSEMENT_REVERSAL'] } }),
    ).toBe(3);

    // Within each project's special-fund budget.
    for (const p of await ProjectModel.find({ code: /^PA-/ }).lean()) {
      const approved = await AllocationModel.find({ projectId: p._id, status: 'APPROVED' }).lean();
      const net = approved.reduce((s, a) => s + a.approved - a.reversed - a.carriedOut, 0);
      expect(net).toBeLessThanOrEqual(p.budget?.specialFund ?? 0);
    }

    const report = await reconcile({ pendingOlderThanMs: 0 });
    console.log(formatReport(report));
    expect([report.repaired, report.unrepairable, report.operationsFinished, report.claimsReleased]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});
