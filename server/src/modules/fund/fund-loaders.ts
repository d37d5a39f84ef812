import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { sumBy } from './fund.ledger';
import { FundRollupModel } from './fund.model';

export type ProjectFundTotals = { allocated: number; disbursed: number };

/** Each project's allocated and disbursed special fund over all years: $match + $group per batch. */
export const fundByProjectLoader = () =>
  new DataLoader<string, ProjectFundTotals>(async (ids) => {
    const sums = await sumBy(
      FundRollupModel.collection,
      { projectId: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      '$projectId',
      ['allocated', 'disbursed'],
    );
    const byId = new Map(
      [...sums.values()].map((r) => [
        String(r.id),
        { allocated: r.sums.allocated ?? 0, disbursed: r.sums.disbursed ?? 0 },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? { allocated: 0, disbursed: 0 });
  });
