import { describe, expect, it } from 'vitest';
import { RateLimiter, checkPassword, hashPassword, newJoinCode, normalizeCode, tokenHash } from '../../src/server/security';

describe('when the server stores secrets', () => {
  it('should keep the teacher password only as a salted scrypt hash that checks the right password and no other', async () => {
    const a = await hashPassword('lehrer-42');
    const b = await hashPassword('lehrer-42');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toContain('lehrer-42');
    expect(a).not.toBe(b); // a fresh salt each time
    expect(await checkPassword('lehrer-42', a)).toBe(true);
    expect(await checkPassword('lehrer-43', a)).toBe(false);
    expect(await checkPassword('lehrer-42', 'garbage')).toBe(false);
  });

  it('should store a token as its SHA-256 (64 hex digits) and accept typed join codes in any case and spacing', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const code = newJoinCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(normalizeCode(` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)} `)).toBe(code);
  });
});

describe('when a client sends requests faster than the rate limit (3 a minute)', () => {
  it('should refuse the 4th at once and allow one more after 20 s (a minute / 3)', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.allow('x'), limiter.allow('x'), limiter.allow('x'), limiter.allow('x')]).toEqual([true, true, true, false]);
    expect(limiter.allow('y')).toBe(true); // another client has its own bucket
    now = 19_000;
    expect(limiter.allow('x')).toBe(false);
    now = 20_000;
    expect(limiter.allow('x')).toBe(true);
    expect(limiter.allow('x')).toBe(false);
  });
});
