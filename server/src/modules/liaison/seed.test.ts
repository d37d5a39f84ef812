import { officeDate } from '@pat/shared';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { seedLiaison } from '../../seed/liaison.seed';
import { ContactModel } from '../contacts/contact.model';
import { RegionModel } from '../regions/region.model';
import { UserModel } from '../users/user.model';
import { FollowUpModel } from './follow-up.model';
import { LiaisonActivityModel } from './liaison-activity.model';

useTestDatabase();

const logged: Record<string, unknown>[] = [];
const log = { info: (obj: unknown) => void logged.push(obj as Record<string, unknown>) };

/** What the seed wrote, without ids and timestamps. */
async function snapshot() {
  const strip = ({ _id, createdAt, updatedAt, createdBy, activityId, ...rest }: Record<string, unknown>) => {
    void [_id, createdAt, updatedAt, createdBy, activityId];
    return JSON.stringify(rest);
  };
  const rows = async (model: { collection: { find: (f: object) => { toArray: () => Promise<object[]> } } }) =>
    (await model.collection.find({}).toArray()).map((r) => strip(r as Record<string, unknown>)).sort();
  return {
    contacts: await rows(ContactModel),
    activities: await rows(LiaisonActivityModel),
    followUps: await rows(FollowUpModel),
  };
}

beforeAll(async () => {
  await seedRegions();
});

describe('the liaison demo seed', () => {
  it('fills region profiles and writes contacts, two years of liaison activities and follow-ups', async () => {
    await seedLiaison(log);
    expect(logged.at(-1)).toMatchObject({ contactsAdded: 40, liaisonActivitiesAdded: 60 });
    expect(await ContactModel.countDocuments()).toBe(40);
    expect(await LiaisonActivityModel.countDocuments()).toBe(60);
    const shache = await RegionModel.findOne({ code: '653125' }).lean();
    expect(shache?.pairedUnits).toEqual(['闵行区', '宝山区']);
    expect(shache?.liaisonOffice?.name).toBe('上海援疆莎车分指挥部');
    expect(shache?.population).toBeGreaterThan(0);

    const today = officeDate();
    const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
    const dates = (await LiaisonActivityModel.find().lean()).map((a) => a.date).sort();
    expect(dates[0]! >= twoYearsAgo).toBe(true);
    expect(dates.at(-1)! < today).toBe(true);
    expect(await LiaisonActivityModel.countDocuments({ receptionExpenses: { $gt: 0 } })).toBeGreaterThan(20);

    const coordinator = await UserModel.findOne({ username: 'coordinator' }).lean();
    const owned = { ownerId: coordinator!._id };
    expect(
      await FollowUpModel.countDocuments({ ...owned, done: false, dueDate: { $lt: today } }),
    ).toBeGreaterThanOrEqual(3);
    expect(await FollowUpModel.countDocuments({ ...owned, done: true })).toBeGreaterThanOrEqual(3);
    expect(
      await FollowUpModel.countDocuments({ ...owned, done: false, dueDate: { $gte: today } }),
    ).toBeGreaterThanOrEqual(1);

    // Every follow-up carries its activity's region, and every activity lists its follow-up owners.
    for (const a of await LiaisonActivityModel.find().lean()) {
      const followUps = await FollowUpModel.find({ activityId: a._id }).lean();
      for (const f of followUps) expect(f.regionPath).toEqual(a.regionPath);
      expect(a.followUpOwnerIds.map(String).sort()).toEqual(
        [...new Set(followUps.map((f) => String(f.ownerId)))].sort(),
      );
      expect(a.regionPath.at(-1)).toBe(a.regionCode);
    }
  });

  it('adds nothing when run again, and never overwrites what users changed', async () => {
    await RegionModel.updateOne({ code: '653125' }, { $set: { population: 1, pairedUnits: ['浦东新区'] } });
    const before = await snapshot();
    await seedLiaison(log);
    expect(logged.at(-1)).toEqual({
      regionProfilesFilled: 0,
      contactsAdded: 0,
      liaisonActivitiesAdded: 0,
      followUpsAdded: 0,
    });
    expect(await snapshot()).toEqual(before);
    expect((await RegionModel.findOne({ code: '653125' }).lean())?.pairedUnits).toEqual(['浦东新区']);
  });

  it('writes the same records every time', async () => {
    const first = await snapshot();
    await Promise.all([ContactModel.deleteMany({}), LiaisonActivityModel.deleteMany({}), FollowUpModel.deleteMany({})]);
    await seedLiaison(log);
    expect(await snapshot()).toEqual(first);
  });
});
