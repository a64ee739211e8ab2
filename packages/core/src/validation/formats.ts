/**
 * The Chinese identifier formats of SPEC §3.1, with their real check algorithms. Pure
 * functions with no imports: the standalone validators `matterform compile` writes import
 * `cnFormats` from `@matterform/core/formats`, so this module must stay self-contained.
 */

export type CnFormat = 'cn-id-number' | 'cn-uscc' | 'cn-mobile' | 'cn-postcode' | 'cn-region';

/** Why an identifier is not valid, so a message can say more than "wrong format". */
export type CnIdNumberProblem = 'length' | 'characters' | 'region' | 'birth-date' | 'check';
export type CnUsccProblem = 'length' | 'characters' | 'organization-code' | 'check';

// GB/T 2260 province-level codes: the first two digits of a region code.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

function hasKnownProvince(code: string): boolean {
  return PROVINCES.has(Number(code.slice(0, 2)));
}

// GB 11643-1999 §5.2: MOD 11-2 weights W_i = 2^(i-1) mod 11, read from the left.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// GB 11643-1999 §5.2: the check character for each value of (Σ a_i·W_i) mod 11.
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of a 17-digit body. */
export function cnIdNumberCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `YYYYMMDD` a real calendar date from 1900-01-01 to `today` (local) inclusive. */
function isBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return false;
  const limit = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  return year * 10000 + month * 100 + day <= limit;
}

/**
 * What is wrong with a resident ID number (GB 11643-1999), or `undefined` when it is valid:
 * 6-digit region code (§4.1) with a known province, birth date (§4.2), 3-digit sequence,
 * check character (§4.4; uppercase `X` only).
 */
export function cnIdNumberProblem(value: string, today: Date = new Date()): CnIdNumberProblem | undefined {
  if (typeof value !== 'string' || value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'characters';
  if (!hasKnownProvince(value)) return 'region';
  if (!isBirthDate(value.slice(6, 14), today)) return 'birth-date';
  if (cnIdNumberCheck(value) !== value[17]) return 'check';
  return undefined;
}

export function isCnIdNumber(value: string, today: Date = new Date()): boolean {
  return cnIdNumberProblem(value, today) === undefined;
}

// GB 32100-2015 §4: the code's character set, each character's value its index (0–30);
// I, O, Z, S, V are left out so they cannot be misread as 1, 0, 2, 5, U.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §5: W_i = 3^(i-1) mod 31.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997 §5: weights of the organisation code's 8 body characters.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character of an 8-character organisation-code body. */
export function organizationCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    // GB 11714 counts letters A–Z as 10–35 (its own scale, not GB 32100's).
    sum += parseInt(body[i] ?? '', 36) * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The GB 32100 check character of a 17-character USCC body. */
export function cnUsccCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

/**
 * What is wrong with a unified social credit code (GB 32100-2015), or `undefined`: 18
 * characters of its alphabet, the organisation code in characters 9–17 with its GB 11714
 * check, and the final GB 32100 check character.
 */
export function cnUsccProblem(value: string): CnUsccProblem | undefined {
  if (typeof value !== 'string' || value.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return 'characters';
  if (organizationCodeCheck(value.slice(8, 16)) !== value[16]) return 'organization-code';
  if (cnUsccCheck(value) !== value[17]) return 'check';
  return undefined;
}

export function isCnUscc(value: string): boolean {
  return cnUsccProblem(value) === undefined;
}

export function isCnMobile(value: string): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

export function isCnPostcode(value: string): boolean {
  // No postal zone starts with 00.
  return typeof value === 'string' && /^(?!00)\d{6}$/.test(value);
}

/** A 6-digit GB/T 2260 administrative division code with a known province. */
export function isCnRegion(value: string): boolean {
  return typeof value === 'string' && /^[1-8]\d{5}$/.test(value) && hasKnownProvince(value);
}

/** The five formats as ajv format functions, keyed by format name. */
export const cnFormats: Record<CnFormat, (value: string) => boolean> = {
  'cn-id-number': (value) => isCnIdNumber(value),
  'cn-uscc': (value) => isCnUscc(value),
  'cn-mobile': (value) => isCnMobile(value),
  'cn-postcode': (value) => isCnPostcode(value),
  'cn-region': (value) => isCnRegion(value),
};

export const cnFormatNames = Object.keys(cnFormats) as CnFormat[];
