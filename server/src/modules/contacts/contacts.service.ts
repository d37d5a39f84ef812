import { createContactInput, updateContactInput } from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { inScope } from '../projects/projects.policy';
import {
  andAll,
  canWriteRegionRecord,
  refuseArchived,
  regionListConditions,
  regionPathFor,
  searchText,
  toObjectId,
  versionedWrite,
  type RegionRecord,
} from '../regions/region-records';
import { ContactModel } from './contact.model';

export type ContactRow = RegionRecord & {
  name: string;
  title: string;
  organisation: string;
  phone: string;
  email: string;
};

export type ContactFilter = { regionCode?: string | null; search?: string | null; includeArchived?: boolean | null };

const contactSearch = (c: Pick<ContactRow, 'name' | 'title' | 'organisation' | 'phone' | 'email'>) =>
  searchText(c.name, c.title, c.organisation, c.phone, c.email);

export function listContacts(user: CurrentUser, filter: ContactFilter, page: PageArgs) {
  return connection<ContactRow>(
    ContactModel,
    andAll(regionListConditions(user, filter)),
    { field: 'name', direction: 1 },
    page,
  );
}

export async function getContact(user: CurrentUser, id: string): Promise<ContactRow> {
  const contact = (await ContactModel.collection.findOne({ _id: toObjectId(id) })) as ContactRow | null;
  // Out of scope answers like a missing record, so a scoped user cannot learn that it exists.
  if (!contact || !inScope(user, contact)) throw notFound('Contact', id);
  return contact;
}

async function writableContact(ctx: Context, id: string): Promise<ContactRow> {
  const contact = await getContact(ctx.user!, id);
  if (!canWriteRegionRecord(ctx.user!, contact))
    throw forbidden('Only coordinators, managers and admins edit contacts.');
  refuseArchived(contact, `Contact ${contact.name}`);
  return contact;
}

export async function createContact(ctx: Context, raw: unknown) {
  const user = ctx.user!;
  const parsed = createContactInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const regionPath = await regionPathFor(user, input.regionCode, 'input.regionCode');
  const created = await ContactModel.create({
    ...input,
    regionPath,
    search: contactSearch(input),
    createdBy: new Types.ObjectId(user.id),
  });
  const row = created.toObject() as unknown as ContactRow;
  await recordAudit(ctx, { action: 'create', kind: 'Contact', recordId: String(row._id), before: null, after: row });
  return row;
}

export async function updateContact(ctx: Context, id: string, version: number, raw: unknown) {
  const contact = await writableContact(ctx, id);
  const parsed = updateContactInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const changes: Record<string, unknown> = { ...input };
  if (input.regionCode) changes.regionPath = await regionPathFor(ctx.user!, input.regionCode, 'input.regionCode');
  changes.search = contactSearch({ ...contact, ...input });
  return versionedWrite(ctx, ContactModel, 'Contact', `Contact ${contact.name}`, contact, version, changes, 'update');
}

export async function archiveContact(ctx: Context, id: string, version: number) {
  const contact = await writableContact(ctx, id);
  return versionedWrite(
    ctx,
    ContactModel,
    'Contact',
    `Contact ${contact.name}`,
    contact,
    version,
    { archived: true },
    'archive',
  );
}
