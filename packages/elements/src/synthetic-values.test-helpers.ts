// Valid synthetic answers for a field, made from its schema alone: what a test types where
// a person would. Identifiers carry real check characters (GB 11643, GB 32100/GB 11714) but
// belong to nobody: the ID numbers are built on a fixed region and sequence, the credit
// codes on a made-up organisation code.
import {
  cnIdNumberCheck,
  cnUsccCheck,
  isCnIdNumber,
  isCnUscc,
  organizationCodeCheck,
  type JsonSchemaObject,
} from '@matterform/core';

/** A resident ID number for 芙蓉区 (430102), born on `birth` (YYYYMMDD), sequence `seq` (3 digits). */
export function syntheticIdNumber(birth = '19900101', seq = '517'): string {
  const body = `430102${birth}${seq}`;
  const id = body + cnIdNumberCheck(body);
  if (!isCnIdNumber(id)) throw new Error(`synthetic ID number ${id} does not check`);
  return id;
}

/** A unified social credit code: an enterprise (91) of 长沙 (430100) around organisation body `org` (8 digits). */
export function syntheticUscc(org = '58201736'): string {
  const head = `91430100${org}${organizationCodeCheck(org)}`;
  const code = head + cnUsccCheck(head);
  if (!isCnUscc(code)) throw new Error(`synthetic credit code ${code} does not check`);
  return code;
}

/**
 * A string matching a simple regular expression: anchors, `\d`, character classes, groups
 * with alternatives and `{n}`/`{n,m}`/`+`/`*`/`?` quantifiers — the patterns forms use. The
 * result is checked against the pattern, so a pattern beyond these fails loudly.
 */
export function sampleFor(pattern: string): string {
  let at = 0;
  const sequence = (): string => {
    let out = '';
    while (at < pattern.length && pattern[at] !== ')' && pattern[at] !== '|') {
      let atom: () => string;
      const c = pattern[at] as string;
      if (c === '^' || c === '$') {
        at++;
        continue;
      }
      if (c === '\\') {
        const escaped = pattern[at + 1] as string;
        at += 2;
        atom = () => (escaped === 'd' ? '1' : escaped === 'w' ? 'a' : escaped === 's' ? ' ' : escaped);
      } else if (c === '[') {
        const end = pattern.indexOf(']', at);
        const first = pattern[at + 1] === '^' ? 'x' : (pattern[at + 1] as string);
        at = end + 1;
        atom = () => first;
      } else if (c === '(') {
        at++;
        if (pattern.startsWith('?:', at)) at += 2;
        const chosen = sequence();
        // Only the first alternative is taken; skip the rest.
        let depth = 0;
        while (at < pattern.length && !(pattern[at] === ')' && depth === 0)) {
          if (pattern[at] === '\\') at++;
          else if (pattern[at] === '(') depth++;
          else if (pattern[at] === ')') depth--;
          at++;
        }
        at++;
        atom = () => chosen;
      } else {
        at++;
        atom = () => (c === '.' ? 'a' : c);
      }
      let times = 1;
      const quantifier = /^(\{(\d+)(,(\d*))?\}|[+*?])/.exec(pattern.slice(at));
      if (quantifier) {
        at += quantifier[0].length;
        times = quantifier[2] !== undefined ? Number(quantifier[2]) : quantifier[0] === '+' ? 1 : 0;
      }
      for (let i = 0; i < times; i++) out += atom();
    }
    return out;
  };
  const sample = sequence();
  if (!new RegExp(pattern, 'u').test(sample))
    throw new Error(`no sample for the pattern ${pattern} (tried "${sample}")`);
  return sample;
}

const FORMAT_VALUES: Record<string, () => string> = {
  'cn-id-number': () => syntheticIdNumber(),
  'cn-uscc': () => syntheticUscc(),
  'cn-mobile': () => '13800138000',
  'cn-postcode': () => '410005',
  'cn-region': () => '430102',
  date: () => '2020-03-16',
  'date-time': () => '2020-03-16T09:30:00Z',
  time: () => '09:30:00',
  email: () => 'applicant@example.com',
  uri: () => 'https://example.com/',
  url: () => 'https://example.com/',
};

/** The type of a schema as a person answers it: `null` aside. */
const typeOf = (schema: JsonSchemaObject): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/**
 * A valid value for one field, from `const`, `enum`, labelled options, format, pattern,
 * length and range; `undefined` for objects and lists, which are answered part by part.
 */
export function validValue(schema: JsonSchemaObject): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const first = schema[keyword]?.[0];
    if (first && typeof first === 'object' && first.const !== undefined) return first.const;
  }
  const type = typeOf(schema);
  if (type === 'boolean') return true;
  if (type === 'integer' || type === 'number') {
    let value =
      schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined) ?? 1;
    if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
    if (typeof schema.multipleOf === 'number') value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
    return type === 'integer' ? Math.ceil(value) : value;
  }
  if (type === 'object' || type === 'array') return undefined;
  if (typeof schema.format === 'string' && FORMAT_VALUES[schema.format]) return FORMAT_VALUES[schema.format]?.();
  if (typeof schema.pattern === 'string') return sampleFor(schema.pattern);
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? Math.max(min, 12);
  let text = '合成测试内容';
  while (text.length < min) text += '合成测试内容';
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}
