import type { Context } from '../../graphql/context';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { stripNulls } from '../../graphql/inputs';
import { canWriteRegionRecord, REGION_RECORD_WRITERS } from '../regions/region-records';
import type { RegionRow } from '../regions/regions.service';
import {
  archiveContact,
  createContact,
  getContact,
  listContacts,
  updateContact,
  type ContactFilter,
  type ContactRow,
} from './contacts.service';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
type Page = { first?: number | null; after?: string | null };

export const contactsResolvers = {
  Contact: {
    id: (c: ContactRow) => String(c._id),
    region: (c: ContactRow, _: unknown, ctx: Context) => ctx.loaders.regionByCode.load(c.regionCode),
    title: (c: ContactRow) => c.title ?? '',
    organisation: (c: ContactRow) => c.organisation ?? '',
    phone: (c: ContactRow) => c.phone ?? '',
    email: (c: ContactRow) => c.email ?? '',
    note: (c: ContactRow) => c.note ?? '',
    canEdit: (c: ContactRow, _: unknown, ctx: Context) => canWriteRegionRecord(ctx.user!, c) && !c.archived,
    createdAt: (c: ContactRow) => iso(c.createdAt),
    updatedAt: (c: ContactRow) => iso(c.updatedAt),
  },
  Region: {
    // The list's own scope filter applies, so a region seen above one's scope lists only what is in it.
    contacts: (r: RegionRow, args: Page & { search?: string | null }, ctx: Context) =>
      listContacts(ctx.user!, { regionCode: r.code, search: args.search }, args),
  },
  Query: {
    contacts: (_: unknown, args: Page & { filter?: ContactFilter | null }, ctx: Context) =>
      listContacts(ctx.user!, args.filter ?? {}, args),
    contact: (_: unknown, args: { id: string }, ctx: Context) => getContact(ctx.user!, args.id),
  },
  Mutation: {
    createContact: (_: unknown, a: { input: unknown }, ctx: Context) => createContact(ctx, stripNulls(a.input)),
    updateContact: (_: unknown, a: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateContact(ctx, a.id, a.version, stripNulls(a.input)),
    archiveContact: (_: unknown, a: { id: string; version: number }, ctx: Context) =>
      archiveContact(ctx, a.id, a.version),
  },
};

const contactWriters = hasRole(...REGION_RECORD_WRITERS);

// Reads: every signed-in role (region scope in the service). Writes: these roles, then scope.
export const contactsPermissions: PermissionMap = {
  Query: { contacts: isAuthenticated, contact: isAuthenticated },
  Mutation: { createContact: contactWriters, updateContact: contactWriters, archiveContact: contactWriters },
};
