import type { EventType } from '../../core/annotations.ts';

/**
 * PLOVER event types with the CAMEO code each (type, mode) maps to, so GDELT users can join on EventCode /
 * EventRootCode. PLOVER (github openeventdata/PLOVER) folds CAMEO's 20 roots into 16 types; the speech acts
 * (warn, deny, accuse, appeal…) are modes of the type they perform. The seed's gold uses VISIT and MEET (CONSULT
 * modes) and DENY (a REJECT mode): `goldTypeAlias` maps them.
 */
export const EVENT_TYPES: readonly EventType[] = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];

/** The CAMEO code of each type without a mode (a root or its most common child). */
const TYPE_CAMEO: Readonly<Record<EventType, string>> = {
  AGREE: '057',
  CONSULT: '040',
  SUPPORT: '051',
  CONCEDE: '080',
  COOPERATE: '060',
  AID: '070',
  RETREAT: '0874',
  REQUEST: '020',
  ACCUSE: '112',
  REJECT: '120',
  THREATEN: '130',
  PROTEST: '140',
  SANCTION: '163',
  MOBILIZE: '150',
  COERCE: '170',
  ASSAULT: '190',
};

/** Modes rasd codes, per type, with their CAMEO code. Speech modes (warn, deny, suspect…) are PLOVER's verbal acts. */
export const MODE_CAMEO: Readonly<Record<string, string>> = {
  'CONSULT/visit': '042',
  'CONSULT/host': '043',
  'CONSULT/meet': '040',
  'CONSULT/call': '041',
  'AGREE/accept-invitation': '036',
  'SUPPORT/praise': '051',
  'AID/gift': '070',
  'RETREAT/withdraw': '0874',
  'CONCEDE/release': '0841',
  'REQUEST/appeal': '020',
  'ACCUSE/suspect': '112',
  'ACCUSE/condemn': '122',
  'ACCUSE/criticize': '111',
  'REJECT/deny': '016',
  'THREATEN/warn': '130',
  'THREATEN/sanctions': '1312',
  'THREATEN/attack': '138',
  'THREATEN/arrest': '137',
  'PROTEST/demonstrate': '141',
  'SANCTION/sanctions': '163',
  'SANCTION/expel': '1663',
  'SANCTION/break-relations': '161',
  'COERCE/arrest': '173',
  'ASSAULT/invade': '190',
};

/** The CAMEO code for a type and mode. `cameoCode('CONSULT', 'visit')` → `'042'`. */
export function cameoCode(type: EventType, mode?: string): string {
  return (mode !== undefined ? MODE_CAMEO[`${type}/${mode}`] : undefined) ?? TYPE_CAMEO[type];
}

/** The CAMEO root (GDELT's EventRootCode): the first two digits. `cameoRoot('0874')` → `'08'`. */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/**
 * The PLOVER type of a CAMEO code, by its root. `ploverOfCameo('163')` → `'SANCTION'`. Roots 01 (statements) and
 * 09 (investigate) have no PLOVER event of their own here and give undefined.
 */
export function ploverOfCameo(code: string): EventType | undefined {
  if (code.startsWith('112') || code.startsWith('111')) return 'ACCUSE';
  if (code.startsWith('0874')) return 'RETREAT';
  const roots: Readonly<Record<string, EventType>> = {
    '02': 'REQUEST',
    '03': 'AGREE',
    '04': 'CONSULT',
    '05': 'SUPPORT',
    '06': 'COOPERATE',
    '07': 'AID',
    '08': 'CONCEDE',
    '10': 'REQUEST',
    '11': 'ACCUSE',
    '12': 'REJECT',
    '13': 'THREATEN',
    '14': 'PROTEST',
    '15': 'MOBILIZE',
    '16': 'SANCTION',
    '17': 'COERCE',
    '18': 'ASSAULT',
    '19': 'ASSAULT',
    '20': 'ASSAULT',
  };
  return roots[cameoRoot(code)];
}

/** What a threatened (intended, considered, conditional) act of force or pressure becomes: a THREATEN mode. */
export function threatMode(type: EventType): string | undefined {
  if (type === 'SANCTION') return 'sanctions';
  if (type === 'ASSAULT') return 'attack';
  if (type === 'COERCE') return 'arrest';
  return undefined;
}

/**
 * Gold files in the seed's format use VISIT, MEET and DENY as types: they are CONSULT/visit, CONSULT/meet and
 * REJECT/deny in PLOVER. `goldTypeAlias('VISIT')` → `{type: 'CONSULT', mode: 'visit'}`.
 */
export function goldTypeAlias(type: string): { type: EventType; mode?: string } | undefined {
  if (type === 'VISIT') return { type: 'CONSULT', mode: 'visit' };
  if (type === 'MEET') return { type: 'CONSULT', mode: 'meet' };
  if (type === 'DENY') return { type: 'REJECT', mode: 'deny' };
  return (EVENT_TYPES as readonly string[]).includes(type) ? { type: type as EventType } : undefined;
}
