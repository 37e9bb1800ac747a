import { UsageError } from './io';

export function parseSeed(text: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 2 ** 31 - 1) {
    throw new UsageError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, not "${text}"`);
  }
  return Number(text);
}

export function parsePositiveInt(flag: string, text: string, max: number): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, not "${text}"`);
  }
  return Number(text);
}
