/**
 * Field documentation in English and Chinese, attached to a zod schema as metadata, from which
 * the JSON Schemas and the field reference are generated.
 */
import type { z } from 'zod';

export function doc<T extends z.ZodType>(schema: T, en: string, zh: string): T {
  return schema.meta({ description: en, descriptionZh: zh }) as T;
}
