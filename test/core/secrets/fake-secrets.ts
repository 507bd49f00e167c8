// Format-valid but fake credentials, built at run time from a seeded generator so that this
// repository never contains a string that push protection or our own scanner would flag.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const BASE64 = `${ALNUM}+/`;
export const BASE64URL = `${ALNUM}-_`;
export const BASE32 = `${UPPER}234567`;
export const HEX = '0123456789abcdef';

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FakeSecrets {
  private readonly random: () => number;

  constructor(seed = 20240611) {
    this.random = seededRandom(seed);
  }

  /** `length` characters of `alphabet`, always with at least one digit when the alphabet has digits. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    if (alphabet.includes('7') && !/[0-9]/.test(out)) out = `7${out.slice(1)}`;
    return out;
  }

  base64url(json: object): string {
    return btoa(JSON.stringify(json)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  jwt(payload: object = { sub: `user-${this.chars(DIGITS, 6)}`, iat: 1718000000 }): string {
    return `${this.base64url({ alg: 'HS256', typ: 'JWT' })}.${this.base64url(payload)}.${this.chars(BASE64URL, 43)}`;
  }

  pemBody(lines = 3): string[] {
    return Array.from({ length: lines }, () => this.chars(BASE64, 64));
  }

  /** A password a person might choose: letters, digits and a symbol, 14 characters. */
  password(): string {
    return `${this.chars(UPPER + LOWER, 6)}${this.chars(DIGITS, 4)}#${this.chars(LOWER + DIGITS, 3)}`;
  }
}
