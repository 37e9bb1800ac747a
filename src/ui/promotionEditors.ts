/**
 * Real form fields for the promotion tools' nested lists: the tiers of a spend reward (满 X 减 Y,
 * one to three rows) and the items of a bundle (product and quantity, two to five rows). The rows
 * are written back as the decisions file's JSON, so the validator checks them as always and its
 * messages land on the list's field.
 */
import { h } from './dom';
import { local, t } from './i18n';
import type { World } from '../engine';

type Row = Record<string, string>;

function parseRows(text: string, keys: string[]): Row[] {
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) return [];
    return v.map((x) => {
      const o = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;
      const row: Row = {};
      for (const k of keys) row[k] = o[k] === undefined ? '' : String(o[k]);
      return row;
    });
  } catch {
    return [];
  }
}

/** A typed number stays a number in the file; anything else stays text, for the validator to name. */
function toFile(rows: Row[], numeric: string[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) {
        if (v.trim() === '') continue;
        const n = Number(v);
        o[k] = numeric.includes(k) && Number.isFinite(n) ? n : v;
      }
      return o;
    }),
  );
}

interface EditorSpec {
  /** form field id prefix, e.g. "promotion:0:tiers" */
  field: string;
  keys: string[];
  numeric: string[];
  min: number;
  max: number;
  blank: () => Row;
  cells: (row: Row, j: number, onChange: (k: string, v: string) => void) => HTMLElement[];
  addLabel: string;
  caption: string;
}

function listEditor(spec: EditorSpec, value: string, set: (v: string) => void): HTMLElement {
  let rows = parseRows(value, spec.keys);
  if (rows.length === 0) rows = Array.from({ length: spec.min }, spec.blank);
  const box = h('div', { className: 'list-editor', role: 'group', 'aria-label': spec.caption, 'data-testid': spec.field });
  const write = () => set(toFile(rows, spec.numeric));
  function draw(focus: string | null = null): void {
    box.replaceChildren();
    rows.forEach((row, j) => {
      const line = h('div', { className: 'list-row' });
      line.append(
        ...spec.cells(row, j, (k, v) => {
          row[k] = v;
          write();
        }),
      );
      if (rows.length > spec.min) {
        line.append(
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              'data-testid': `${spec.field}:${j}:remove`,
              onclick: () => {
                rows.splice(j, 1);
                write();
                draw(`${spec.field}:add`);
              },
            },
            t('listRemove'),
          ),
        );
      }
      box.append(line);
    });
    if (rows.length < spec.max) {
      box.append(
        h(
          'button',
          {
            type: 'button',
            'data-testid': `${spec.field}:add`,
            onclick: () => {
              rows.push(spec.blank());
              write();
              draw(`${spec.field}:${rows.length - 1}:${spec.keys[0]}`);
            },
          },
          spec.addLabel,
        ),
      );
    }
    if (focus) box.querySelector<HTMLElement>(`[data-testid="${focus}"]`)?.focus();
  }
  draw();
  return box;
}

const num = (field: string, label: string, value: string, on: (v: string) => void) =>
  h('label', { className: 'inline' }, `${label} `, h('input', { type: 'text', inputmode: 'decimal', size: '6', value, 'data-testid': field, 'aria-label': label, oninput: (e: Event) => on((e.target as HTMLInputElement).value) }));

/** 满 threshold 元 减 off 元, one to three tiers. */
export function tiersEditor(field: string, value: string, set: (v: string) => void): HTMLElement {
  return listEditor(
    {
      field,
      keys: ['threshold', 'off'],
      numeric: ['threshold', 'off'],
      min: 1,
      max: 3,
      blank: () => ({ threshold: '', off: '' }),
      addLabel: t('tierAdd'),
      caption: t('field_tiers'),
      cells: (row, j, on) => [
        h('span', {}, t('tierN', { n: j + 1 })),
        num(`${field}:${j}:threshold`, t('tierThreshold'), row.threshold ?? '', (v) => on('threshold', v)),
        num(`${field}:${j}:off`, t('tierOff'), row.off ?? '', (v) => on('off', v)),
      ],
    },
    value,
    set,
  );
}

/** Products of a bundle with their quantities, two to five. */
export function itemsEditor(world: World, field: string, value: string, set: (v: string) => void): HTMLElement {
  return listEditor(
    {
      field,
      keys: ['product', 'quantity'],
      numeric: ['quantity'],
      min: 2,
      max: 5,
      blank: () => ({ product: world.products[0]?.id ?? '', quantity: '1' }),
      addLabel: t('itemAdd'),
      caption: t('field_items'),
      cells: (row, j, on) => [
        h(
          'select',
          { 'data-testid': `${field}:${j}:product`, 'aria-label': `${t('itemN', { n: j + 1 })} ${t('product')}`, onchange: (e: Event) => on('product', (e.target as HTMLSelectElement).value) },
          ...world.products.map((p) => h('option', { value: p.id, selected: p.id === row.product }, local(p.name))),
        ),
        num(`${field}:${j}:quantity`, t('itemQuantity'), row.quantity || '1', (v) => on('quantity', v)),
      ],
    },
    value,
    set,
  );
}
