/** Arabic labels for the codes the API returns. */

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  PER: 'شخص',
  ORG: 'منظمة',
  LOC: 'مكان',
  MISC: 'أخرى',
};

export const EVENT_TYPE_LABELS: Record<string, string> = {
  AGREE: 'اتفاق',
  CONSULT: 'تشاور',
  SUPPORT: 'دعم',
  CONCEDE: 'تنازل',
  COOPERATE: 'تعاون',
  AID: 'مساعدة',
  RETREAT: 'انسحاب',
  REQUEST: 'طلب',
  ACCUSE: 'اتهام',
  REJECT: 'رفض',
  THREATEN: 'تهديد',
  PROTEST: 'احتجاج',
  SANCTION: 'عقوبات',
  MOBILIZE: 'تعبئة',
  COERCE: 'إكراه',
  ASSAULT: 'هجوم',
};

export const QUOTE_FORM_LABELS: Record<string, string> = {
  direct: 'مباشر',
  indirect: 'غير مباشر',
  mixed: 'مختلط',
};

export const REMOVAL_LABELS: Record<string, string> = {
  'ad-shortcode': 'رمز إعلان',
  'source-footer': 'تذييل المصدر',
  'read-also': 'اقرأ أيضاً',
  'share-follow': 'مشاركة ومتابعة',
  copyright: 'حقوق النشر',
  'related-links': 'روابط ذات صلة',
  'advertisement-label': 'وسم إعلان',
  navigation: 'تصفح',
  'blank-lines': 'أسطر فارغة',
};

export function label(table: Record<string, string>, code: string): string {
  return table[code] ?? code;
}

/** `2023-09-15T10:00:00Z` → `2023-09-15`; undefined stays empty. */
export function formatDate(value: string | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** 0.1234 → `12٪`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}٪`;
}

/**
 * The URL when it is http(s), else undefined: a stored page's `javascript:` or `data:` URL must never become
 * a link. `httpUrl('javascript:alert(1)')` → undefined.
 */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An actor as an Arabic reader is shown it: its Arabic name when the canonical one is not Arabic. */
export function actorName(actor: {
  readonly name: string;
  readonly arabicName?: string | undefined;
}): string {
  return actor.arabicName ?? actor.name;
}

/** An event's actor as shown: its name when linked, else the words as written. */
/** Arabic names of the PETRARCH agent codes a participant named by its role carries (قوات الأمن → COP). */
export const AGENT_LABELS: Record<string, string> = {
  GOV: 'حكومة',
  MIL: 'جيش',
  COP: 'شرطة وأمن',
  REB: 'متمردون/مسلحون',
  INS: 'مسلحون',
  OPP: 'معارضة',
  CVL: 'مدنيون',
  JUD: 'قضاء',
  LEG: 'برلمان',
  MED: 'إعلام',
  EDU: 'تعليم',
  BUS: 'أعمال',
  REF: 'لاجئون',
  LAB: 'عمال',
  HLH: 'صحة',
  REL: 'رجال دين',
  SPY: 'استخبارات',
  UAF: 'مسلحون مجهولون',
  CRM: 'مجرمون',
  AGR: 'زراعة',
  ENV: 'بيئة',
  IGO: 'منظمة دولية',
  NGO: 'منظمة غير حكومية',
  MUS: 'مسلمون',
  RAD: 'متطرفون',
  PTY: 'حزب',
  HRI: 'حقوق الإنسان',
  DEV: 'تنمية',
  SET: 'مستوطنون',
};

/** An event participant as a reader sees it: its name, and for one named by its role its role and country. */
export function eventActorName(actor: {
  readonly text: string;
  readonly name?: string | undefined;
  readonly arabicName?: string | undefined;
  readonly agent?: string | undefined;
  readonly country?: string | undefined;
}): string {
  const name = actor.arabicName ?? actor.name ?? actor.text;
  if (actor.agent === undefined) return name;
  const role = AGENT_LABELS[actor.agent] ?? actor.agent;
  return `${name} (${role}${actor.country ? `، ${actor.country}` : ''})`;
}

/** What the reader shows for a side of an event the text does not name. */
export const UNKNOWN_SIDE = 'غير معروف';
