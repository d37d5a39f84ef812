import type { LiaisonKind } from '../../generated/graphql';

export const LIAISON_KINDS = [
  'VISIT',
  'MEETING',
  'CALL',
  'CORRESPONDENCE',
  'DELEGATION_RECEIVED',
] as const satisfies readonly LiaisonKind[];

export const LIAISON_KIND_COLORS: Record<LiaisonKind, string> = {
  VISIT: 'blue',
  MEETING: 'purple',
  CALL: 'cyan',
  CORRESPONDENCE: 'default',
  DELEGATION_RECEIVED: 'gold',
};
