import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsJsonSchema, generatedFiles, scenarioJsonSchema } from '../../src/scenario/reference';

const root = join(import.meta.dirname, '..', '..');

/** Every property in a JSON Schema, with its path, wherever it is nested. */
function properties(node: unknown, path = '$', out: { path: string; schema: Record<string, unknown> }[] = []) {
  if (!node || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  for (const [name, prop] of Object.entries((n.properties ?? {}) as Record<string, unknown>)) {
    // The `type` constant that tells the alternatives of a union apart is documented by its alternative.
    const discriminator = /<\d+>$/.test(path) && (prop as Record<string, unknown>).const !== undefined && typeof n['x-description-zh'] === 'string';
    if (discriminator) continue;
    out.push({ path: `${path}.${name}`, schema: prop as Record<string, unknown> });
    properties(prop, `${path}.${name}`, out);
  }
  if (n.items) properties(n.items, `${path}[]`, out);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const alternatives = n[key];
    if (Array.isArray(alternatives)) alternatives.forEach((alt, i) => properties(alt, `${path}<${i}>`, out));
  }
  if (n.additionalProperties && typeof n.additionalProperties === 'object') properties(n.additionalProperties, `${path}.*`, out);
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

describe('when the shipped schema files and the field reference are compared with the schema', () => {
  it.each(Object.keys(generatedFiles()))('should find %s up to date (run "npm run docs:schema" to regenerate)', (path) => {
    const onDisk = readFileSync(join(root, path), 'utf8');
    expect(onDisk).toBe(generatedFiles()[path]);
  });
});

describe('when the JSON Schemas describe their fields', () => {
  it.each([
    ['scenario', scenarioJsonSchema()],
    ['decisions', decisionsJsonSchema()],
  ])('should give every %s field a description in English and in Chinese', (_name, schema) => {
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(20);
    const missing = props
      .filter((p) => {
        const d = p.schema.description;
        const zh = p.schema['x-description-zh'];
        return typeof d !== 'string' || typeof zh !== 'string' || !CJK.test(zh) || !/[A-Za-z]{3}/.test(d.split('\n')[0] ?? '');
      })
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('should forbid unknown fields, so that a misspelt field is an error and not ignored', () => {
    const s = scenarioJsonSchema() as { additionalProperties?: unknown };
    expect(s.additionalProperties).toBe(false);
  });
});
