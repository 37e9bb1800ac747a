/**
 * A stable digest of a value: canonical JSON (object keys sorted) hashed with two independent
 * 32-bit FNV-1a/murmur-mixed lanes into 16 hex digits. Pure JS, so Node and browsers agree.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('cannot hash a non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** Scratch for a whole number's decimal digits. */
const DIGITS = new Int32Array(12);

/** Every number of `a` is an int32 (so an Int32Array copy of it writes the same text). */
function allInt32(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! | 0) !== a[i]) return false;
  return true;
}

/** The two hash lanes, fed text piece by piece: the digest of the pieces' concatenation. */
class Lanes {
  h1 = 0x811c9dc5;
  h2 = 0x9747b28c;

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** add(String.fromCharCode(ch)) */
  addChar(ch: number): void {
    this.h1 = Math.imul(this.h1 ^ ch, 0x01000193);
    const h2 = Math.imul(this.h2 ^ ch, 0x5bd1e995);
    this.h2 = h2 ^ (h2 >>> 15);
  }

  /** add(String(x)) for a whole number x with |x| < 2^31, without making the string */
  addInt(x: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    if (x < 0) {
      h1 = Math.imul(h1 ^ 45, 0x01000193); // -
      h2 = Math.imul(h2 ^ 45, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      x = -x;
    }
    let div = 1;
    while (div <= 100_000_000 && div * 10 <= x) div *= 10;
    for (; div >= 1; div /= 10) {
      const d = (x / div) | 0;
      x -= d * div;
      h1 = Math.imul(h1 ^ (48 + d), 0x01000193);
      h2 = Math.imul(h2 ^ (48 + d), 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * add(`[${a.join(',')}]`) for an array of finite numbers (a typed array's JSON text): whole
   * numbers written digit by digit, the others through String. An array of whole numbers is
   * hashed as an Int32Array by one loop that sees no other kind of array (fast from its first
   * call on: the loop is compiled early and its element loads stay monomorphic).
   */
  addNumbers(a: ArrayLike<number>): void {
    if (a instanceof Int32Array) this.addInt32s(a);
    else if (a instanceof Uint8Array || a instanceof Uint16Array || a instanceof Int8Array || a instanceof Int16Array || a instanceof Uint8ClampedArray) {
      this.addInt32s(new Int32Array(a as ArrayLike<number>));
    } else if (a instanceof Float64Array && allInt32(a)) this.addInt32s(new Int32Array(a));
    else {
      this.addChar(91); // [
      for (let i = 0; i < a.length; i++) {
        const x = a[i]!;
        if (i > 0) this.addChar(44); // ,
        if ((x | 0) === x) this.addInt(x);
        else if (Number.isFinite(x)) this.add(String(x));
        else throw new Error('cannot hash a non-finite number');
      }
      this.addChar(93); // ]
    }
  }

  /** add(`[${a.join(',')}]`) for an Int32Array, with the lanes in locals and whole-number digit arithmetic. */
  addInt32s(a: Int32Array): void {
    let h1 = Math.imul(this.h1 ^ 91, 0x01000193); // [
    let h2 = Math.imul(this.h2 ^ 91, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    const digits = DIGITS;
    const n = a.length;
    for (let i = 0; i < n; i++) {
      let x = a[i]!;
      if (i > 0) {
        h1 = Math.imul(h1 ^ 44, 0x01000193); // ,
        h2 = Math.imul(h2 ^ 44, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      if (x < 0) {
        h1 = Math.imul(h1 ^ 45, 0x01000193); // -
        h2 = Math.imul(h2 ^ 45, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        if (x === -2147483648) {
          // 2147483648 is no int32: its digits written out
          this.h1 = h1;
          this.h2 = h2;
          this.add('2147483648');
          h1 = this.h1;
          h2 = this.h2;
          continue;
        }
        x = -x;
      }
      if (x < 10) {
        h1 = Math.imul(h1 ^ (48 + x), 0x01000193);
        h2 = Math.imul(h2 ^ (48 + x), 0x5bd1e995);
        h2 ^= h2 >>> 15;
        continue;
      }
      // The digits, last first, then fed first to last.
      let nd = 0;
      while (x > 0) {
        const q = (x / 10) | 0;
        digits[nd++] = 48 + x - q * 10;
        x = q;
      }
      while (nd > 0) {
        const ch = digits[--nd]!;
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
    }
    h1 = Math.imul(h1 ^ 93, 0x01000193); // ]
    h2 = Math.imul(h2 ^ 93, 0x5bd1e995);
    this.h1 = h1;
    this.h2 = h2 ^ (h2 >>> 15);
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }
}

export function hashString(text: string): string {
  const lanes = new Lanes();
  lanes.add(text);
  return lanes.digest();
}

/** Object keys as canonicalJson writes them before a value (`"key":`), made once per name. */
const keyText = new Map<string, string>();

/**
 * Feeds canonicalJson(value) to the lanes piece by piece, without building the whole text: the
 * same characters in the same order (a number's JSON text is its String(), a finite one's).
 */
function feed(lanes: Lanes, value: unknown): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') {
      if ((value | 0) === value) lanes.addInt(value);
      else if (!Number.isFinite(value)) throw new Error('cannot hash a non-finite number');
      else lanes.add(String(value));
    } else if (typeof value === 'string') lanes.add(JSON.stringify(value));
    else lanes.add(JSON.stringify(value) ?? 'null');
    return;
  }
  if (ArrayBuffer.isView(value)) {
    lanes.addNumbers(value as unknown as ArrayLike<number>);
    return;
  }
  if (Array.isArray(value)) {
    lanes.addChar(91);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) lanes.addChar(44);
      const v = value[i];
      if (v !== undefined || i in value) feed(lanes, v); // a hole is joined as nothing, as in canonicalJson
    }
    lanes.addChar(93);
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  lanes.addChar(123); // {
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) lanes.addChar(44);
    let text = keyText.get(k);
    if (text === undefined) {
      text = `${JSON.stringify(k)}:`;
      if (keyText.size < 10_000) keyText.set(k, text);
    }
    lanes.add(text);
    first = false;
    feed(lanes, v);
  }
  lanes.addChar(125); // }
}

/** Key lists met before, by their first key: the keys in own order and sorted. */
const sortedByFirst = new Map<string, { keys: string[]; sorted: string[] }[]>();

/**
 * Object.keys(obj).sort(), remembered for the key lists objects of one kind share (a game state
 * holds many objects of each kind): a list equal to one met before, key for key, reuses its sort.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const n = keys.length;
  if (n < 2) return keys;
  let bucket = sortedByFirst.get(keys[0]!);
  if (bucket !== undefined) {
    for (const e of bucket) {
      const a = e.keys;
      if (a.length !== n) continue;
      let i = 0;
      while (i < n && a[i] === keys[i]) i++;
      if (i === n) return e.sorted;
    }
  }
  const sorted = keys.slice().sort();
  if (bucket === undefined && sortedByFirst.size < 10_000) {
    bucket = [];
    sortedByFirst.set(keys[0]!, bucket);
  }
  if (bucket !== undefined && bucket.length < 8) bucket.push({ keys, sorted });
  return sorted;
}

/** hashString(canonicalJson(value)), computed without building the canonical text. */
export function hashValue(value: unknown): string {
  const lanes = new Lanes();
  feed(lanes, value);
  return lanes.digest();
}
