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

/**
 * Modes whose CAMEO code is not the crosswalk's (below): rasd's own modes, and those rasd codes more generally
 * than the crosswalk's first code for them (a meeting anywhere is 040, not 044's third location).
 */
export const MODE_CAMEO: Readonly<Record<string, string>> = {
  'CONSULT/meet': '040',
  'AID/gift': '070',
  'ACCUSE/suspect': '112',
  'ACCUSE/condemn': '122',
  'THREATEN/sanctions': '1312',
  'SANCTION/expel': '1663',
  'ASSAULT/invade': '190',
};

// Every mode of the crosswalk and the CAMEO code it came from (the first listed for a shared mode); built on first use.
let crosswalkModes: Map<string, string> | undefined;
function crosswalkCode(key: string): string | undefined {
  if (crosswalkModes === undefined) {
    crosswalkModes = new Map();
    for (const [code, event] of Object.entries(CAMEO_TO_PLOVER)) {
      const modeKey = event?.mode === undefined ? undefined : `${event.type}/${event.mode}`;
      if (modeKey !== undefined && !crosswalkModes.has(modeKey))
        crosswalkModes.set(modeKey, code.length === 2 ? `${code}0` : code);
    }
  }
  return crosswalkModes.get(key);
}

/** The CAMEO code for a type and mode. `cameoCode('CONSULT', 'visit')` → `'042'`. */
export function cameoCode(type: EventType, mode?: string): string {
  if (mode === undefined) return TYPE_CAMEO[type];
  return MODE_CAMEO[`${type}/${mode}`] ?? crosswalkCode(`${type}/${mode}`) ?? TYPE_CAMEO[type];
}

/** The CAMEO root (GDELT's EventRootCode): the first two digits. `cameoRoot('0874')` → `'08'`. */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/**
 * CAMEO → PLOVER: every CAMEO root 01–20 and the children whose PLOVER type or mode differs from their root's,
 * after PLOVER's own CAMEO crosswalk (github openeventdata/PLOVER). The longest matching prefix wins; `null` is a
 * CAMEO code PLOVER does not code as an event (plain statements, comments, considering a policy).
 */
export const CAMEO_TO_PLOVER: Readonly<Record<string, { type: EventType; mode?: string } | null>> = {
  // 01 MAKE PUBLIC STATEMENT: statements are not events, except the acts a statement performs.
  '01': null,
  '015': { type: 'CONCEDE', mode: 'acknowledge' },
  '016': { type: 'REJECT', mode: 'deny' },
  '017': { type: 'SUPPORT', mode: 'symbolic' },
  '018': { type: 'SUPPORT', mode: 'sympathy' },
  '019': { type: 'AGREE', mode: 'accord' },
  // 02 APPEAL
  '02': { type: 'REQUEST' },
  '020': { type: 'REQUEST', mode: 'appeal' },
  '021': { type: 'REQUEST', mode: 'cooperation' },
  '022': { type: 'REQUEST', mode: 'support' },
  '023': { type: 'REQUEST', mode: 'aid' },
  '024': { type: 'REQUEST', mode: 'change' },
  '025': { type: 'REQUEST', mode: 'yield' },
  '026': { type: 'REQUEST', mode: 'meet' },
  '027': { type: 'REQUEST', mode: 'settle' },
  '028': { type: 'REQUEST', mode: 'mediate' },
  // 03 EXPRESS INTENT TO COOPERATE: PLOVER's AGREE (offers, promises, pledges)
  '03': { type: 'AGREE' },
  '036': { type: 'AGREE', mode: 'accept-invitation' },
  // 04 CONSULT
  '04': { type: 'CONSULT' },
  '041': { type: 'CONSULT', mode: 'call' },
  '042': { type: 'CONSULT', mode: 'visit' },
  '043': { type: 'CONSULT', mode: 'host' },
  '044': { type: 'CONSULT', mode: 'meet' },
  '045': { type: 'CONSULT', mode: 'mediate' },
  '046': { type: 'CONSULT', mode: 'negotiate' },
  // 05 ENGAGE IN DIPLOMATIC COOPERATION
  '05': { type: 'SUPPORT' },
  '051': { type: 'SUPPORT', mode: 'praise' },
  '052': { type: 'SUPPORT', mode: 'defend' },
  '053': { type: 'SUPPORT', mode: 'rally' },
  '054': { type: 'SUPPORT', mode: 'recognize' },
  '055': { type: 'CONCEDE', mode: 'apologize' },
  '056': { type: 'CONCEDE', mode: 'forgive' },
  '057': { type: 'AGREE' },
  // 06 ENGAGE IN MATERIAL COOPERATION
  '06': { type: 'COOPERATE' },
  '061': { type: 'COOPERATE', mode: 'economic' },
  '062': { type: 'COOPERATE', mode: 'military' },
  '063': { type: 'COOPERATE', mode: 'judicial' },
  '064': { type: 'COOPERATE', mode: 'intelligence' },
  // 07 PROVIDE AID
  '07': { type: 'AID' },
  '071': { type: 'AID', mode: 'economic' },
  '072': { type: 'AID', mode: 'military' },
  '073': { type: 'AID', mode: 'humanitarian' },
  '074': { type: 'AID', mode: 'military' },
  '075': { type: 'AID', mode: 'asylum' },
  // 08 YIELD: PLOVER's CONCEDE, military de-escalation its RETREAT
  '08': { type: 'CONCEDE' },
  '081': { type: 'CONCEDE', mode: 'ease-restrictions' },
  '082': { type: 'CONCEDE', mode: 'ease-opposition' },
  '083': { type: 'CONCEDE', mode: 'accede' },
  '084': { type: 'CONCEDE', mode: 'return' },
  '0841': { type: 'CONCEDE', mode: 'release' },
  '085': { type: 'CONCEDE', mode: 'ease-sanctions' },
  '086': { type: 'CONCEDE', mode: 'allow-aid' },
  '087': { type: 'RETREAT' },
  '0871': { type: 'RETREAT', mode: 'ceasefire' },
  '0872': { type: 'RETREAT', mode: 'ease-blockade' },
  '0873': { type: 'RETREAT', mode: 'demobilize' },
  '0874': { type: 'RETREAT', mode: 'withdraw' },
  // 09 INVESTIGATE: an ACCUSE mode in PLOVER
  '09': { type: 'ACCUSE', mode: 'investigate' },
  // 10 DEMAND
  '10': { type: 'REQUEST', mode: 'demand' },
  // 11 DISAPPROVE
  '11': { type: 'ACCUSE' },
  '111': { type: 'ACCUSE', mode: 'criticize' },
  '112': { type: 'ACCUSE' },
  '113': { type: 'ACCUSE', mode: 'rally-opposition' },
  '114': { type: 'ACCUSE', mode: 'complain' },
  '115': { type: 'ACCUSE', mode: 'sue' },
  '116': { type: 'ACCUSE', mode: 'convict' },
  // 12 REJECT
  '12': { type: 'REJECT' },
  '125': { type: 'REJECT', mode: 'refuse-talks' },
  '128': { type: 'REJECT', mode: 'defy' },
  '129': { type: 'REJECT', mode: 'veto' },
  // 13 THREATEN
  '13': { type: 'THREATEN' },
  '130': { type: 'THREATEN', mode: 'warn' },
  '131': { type: 'THREATEN', mode: 'sanctions' },
  '1312': { type: 'THREATEN', mode: 'sanctions' },
  '137': { type: 'THREATEN', mode: 'arrest' },
  '138': { type: 'THREATEN', mode: 'attack' },
  '139': { type: 'THREATEN', mode: 'ultimatum' },
  // 14 PROTEST
  '14': { type: 'PROTEST' },
  '141': { type: 'PROTEST', mode: 'demonstrate' },
  '142': { type: 'PROTEST', mode: 'hunger-strike' },
  '143': { type: 'PROTEST', mode: 'strike' },
  '144': { type: 'PROTEST', mode: 'block' },
  '145': { type: 'PROTEST', mode: 'riot' },
  // 15 EXHIBIT FORCE POSTURE
  '15': { type: 'MOBILIZE' },
  '152': { type: 'MOBILIZE', mode: 'alert' },
  '154': { type: 'MOBILIZE', mode: 'troops' },
  // 16 REDUCE RELATIONS
  '16': { type: 'SANCTION' },
  '161': { type: 'SANCTION', mode: 'break-relations' },
  '162': { type: 'SANCTION', mode: 'cut-aid' },
  '163': { type: 'SANCTION', mode: 'sanctions' },
  '164': { type: 'SANCTION', mode: 'halt-talks' },
  '166': { type: 'SANCTION', mode: 'expel' },
  // 17 COERCE
  '17': { type: 'COERCE' },
  '171': { type: 'COERCE', mode: 'seize' },
  '172': { type: 'COERCE', mode: 'restrict' },
  '173': { type: 'COERCE', mode: 'arrest' },
  '174': { type: 'COERCE', mode: 'deport' },
  '175': { type: 'COERCE', mode: 'repress' },
  '176': { type: 'COERCE', mode: 'cyber' },
  // 18 ASSAULT
  '18': { type: 'ASSAULT' },
  '181': { type: 'ASSAULT', mode: 'abduct' },
  '182': { type: 'ASSAULT', mode: 'beat' },
  '183': { type: 'ASSAULT', mode: 'explosives' },
  '185': { type: 'ASSAULT', mode: 'assassinate' },
  '186': { type: 'ASSAULT', mode: 'assassinate' },
  // 19 FIGHT
  '19': { type: 'ASSAULT' },
  '191': { type: 'COERCE', mode: 'blockade' },
  '192': { type: 'ASSAULT', mode: 'occupy' },
  '193': { type: 'ASSAULT', mode: 'firearms' },
  '194': { type: 'ASSAULT', mode: 'artillery' },
  '195': { type: 'ASSAULT', mode: 'aerial' },
  '196': { type: 'ASSAULT', mode: 'ceasefire-violation' },
  // 20 USE UNCONVENTIONAL MASS VIOLENCE
  '20': { type: 'ASSAULT', mode: 'mass-violence' },
  '204': { type: 'ASSAULT', mode: 'wmd' },
};

/** The PLOVER type and mode of a CAMEO code (longest prefix of CAMEO_TO_PLOVER); undefined when PLOVER codes none. */
export function ploverEventOfCameo(code: string): { type: EventType; mode?: string } | undefined {
  for (let length = code.length; length >= 2; length--) {
    const found = CAMEO_TO_PLOVER[code.slice(0, length)];
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

/**
 * The PLOVER type of a CAMEO code. `ploverOfCameo('163')` → `'SANCTION'`; plain statements (010) give undefined.
 */
export function ploverOfCameo(code: string): EventType | undefined {
  return ploverEventOfCameo(code)?.type;
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
