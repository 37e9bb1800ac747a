/**
 * Number fields shared by the scenario's rule sections (search, service): one wording of each
 * range message, so every section says "must be from 1 to 5" the same way.
 */
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../engine/money';

export const range = (min: number, max: number) => `must be from ${min} to ${max}`;
export const rate = (min: number, max: number) => z.number().min(min, range(min, max)).max(max, range(min, max));
export const int = (min: number, max: number) =>
  z
    .number()
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
export const yuan = (min: number, max: number) =>
  z
    .number()
    .min(min, `must be from ${min} to ${max} yuan`)
    .max(max, `must be from ${min} to ${max} yuan`)
    .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals (1 fen is the smallest unit)' });
