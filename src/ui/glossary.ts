/**
 * The course's terms as tooltips: a term in a heading or label gets a dotted underline; hovering
 * or focusing it (Tab reaches it) shows the definition, which screen readers read as its
 * description. Definitions live in the translation table (zh and en).
 */
import { h, uid } from './dom';
import { t, type Key } from './i18n';

export const TERMS = [
  'fixedPrice',
  'referencePrice',
  'illegalPrice',
  'dsr',
  'compositeIndex',
  'reviewScore',
  'cityInfluence',
  'equity',
  'carrierFee',
  'breakEven',
  'spendReward',
  'bundle',
  'potential',
  'presale',
  'freeShipping',
  'marketReport',
] as const;
export type Term = (typeof TERMS)[number];

export function termName(key: Term): string {
  return t(`term_${key}` as Key);
}

export function termDefinition(key: Term): string {
  return t(`termDef_${key}` as Key);
}

/** `label` (default: the term's name) with the term's definition as a tooltip. */
export function term(key: Term, label: string = termName(key)): HTMLElement {
  const id = uid('term');
  return h(
    'span',
    { className: 'term', tabindex: '0', 'data-term': key, 'aria-describedby': id },
    label,
    h('span', { className: 'tip', role: 'tooltip', id }, `${termName(key)}${t('termColon')}${termDefinition(key)}`),
  );
}

/** Every term with its definition: the glossary list. */
export function glossaryList(): HTMLElement {
  return h('dl', { className: 'glossary', 'data-testid': 'glossary' }, ...TERMS.flatMap((k) => [h('dt', {}, termName(k)), h('dd', {}, termDefinition(k))]));
}
