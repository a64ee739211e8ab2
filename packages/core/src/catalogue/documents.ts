/**
 * Reading catalogue documents safely: JSON text or objects from anywhere, bounded in size
 * and depth, with no `__proto__` keys and no cycles, so that hostile input yields a
 * Problem naming where it is instead of a hang, a crash or a polluted prototype.
 */
import { problem, type Problem } from './problems.js';
import { toPointer } from '../schema/pointer.js';
import { count, LIMITS } from '../schema/limits.js';

/** LIMITS.documentBytes: a catalogue file is a few hundred KB at most; 4 MiB leaves room and stops 10 MB bombs. */
export const MAX_DOCUMENT_BYTES = LIMITS.documentBytes;
/** LIMITS.documentDepth: real matters nest about 20 levels (schema → properties → object → x-i18n …). */
export const MAX_DOCUMENT_DEPTH = LIMITS.documentDepth;
/** Keys that would reach Object.prototype when a document is copied or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Parses one JSON file's text, refusing oversized and over-deep documents before parsing. */
export function parseDocument(text: string, file: string): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES) return { ok: false, problem: tooLarge(file, bytes) };
  const depth = textDepth(text);
  if (depth.depth > MAX_DOCUMENT_DEPTH) {
    const { line, column } = lineAndColumn(text, depth.at);
    return fail(
      file,
      '',
      'document-too-deep',
      `嵌套层级超过 ${MAX_DOCUMENT_DEPTH}（第 ${line} 行第 ${column} 列）`,
      `nesting deeper than ${MAX_DOCUMENT_DEPTH} levels (line ${line}, column ${column})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(file, '', 'json-syntax', `不是合法的 JSON：${detail}`, `not valid JSON: ${detail}`);
  }
  // JSON.parse output has no cycles and its depth was checked on the text.
  const unsafe = inspectValue(value, file, '', { trusted: true });
  return unsafe ? { ok: false, problem: unsafe } : { ok: true, value };
}

/**
 * Checks a value that did not come from our parser (a catalogue object handed to the
 * browser loader): depth, cycles, `__proto__` keys, lengths of strings (LIMITS). Iterative,
 * so a hostile object cannot exhaust the stack.
 */
export function inspectValue(
  value: unknown,
  file: string,
  base = '',
  { trusted = false }: { trusted?: boolean } = {},
): Problem | undefined {
  type Frame = { value: unknown; path: (string | number)[]; ancestors: Set<object> };
  const stack: Frame[] = [{ value, path: [], ancestors: new Set() }];
  while (stack.length > 0) {
    const { value: current, path, ancestors } = stack.pop() as Frame;
    if (typeof current === 'string' && current.length > LIMITS.stringLength) {
      return problem(
        'error',
        'string-too-long',
        file,
        base + toPointer(path),
        `文字长 ${count(current.length)} 个字符，上限为 ${count(LIMITS.stringLength)}`,
        `the text is ${count(current.length)} characters long; at most ${count(LIMITS.stringLength)} are allowed`,
      );
    }
    if (current === null || typeof current !== 'object') continue;
    const here = base + toPointer(path);
    if (path.length >= MAX_DOCUMENT_DEPTH) {
      return problem(
        'error',
        'document-too-deep',
        file,
        here,
        `嵌套层级超过 ${MAX_DOCUMENT_DEPTH}`,
        `nesting deeper than ${MAX_DOCUMENT_DEPTH} levels`,
      );
    }
    if (!trusted && ancestors.has(current)) {
      return problem(
        'error',
        'document-cycle',
        file,
        here,
        '对象引用了自身，无法作为 JSON 文档',
        'the object contains itself, so it is not a JSON document',
      );
    }
    const inner = trusted ? ancestors : new Set(ancestors).add(current);
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, index], ancestors: inner }));
      continue;
    }
    for (const key of Object.keys(current)) {
      // Named by the object holding it: a pointer holding the key would be as long.
      if (key.length > LIMITS.stringLength) {
        return problem(
          'error',
          'string-too-long',
          file,
          here,
          `有一个键名长 ${count(key.length)} 个字符，上限为 ${count(LIMITS.stringLength)}`,
          `a key is ${count(key.length)} characters long; at most ${count(LIMITS.stringLength)} are allowed`,
        );
      }
      if (FORBIDDEN_KEYS.has(key)) {
        return problem(
          'error',
          'forbidden-key',
          file,
          base + toPointer([...path, key]),
          `不允许使用键名“${key}”`,
          `the key "${key}" is not allowed`,
        );
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key], ancestors: inner });
    }
  }
  return undefined;
}

export function tooLarge(file: string, bytes: number): Problem {
  return problem(
    'error',
    'document-too-large',
    file,
    '',
    `文件过大（${bytes} 字节，上限 ${MAX_DOCUMENT_BYTES} 字节）`,
    `the file is too large (${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES})`,
  );
}

function fail(file: string, pointer: string, code: string, zh: string, en: string): ParseResult {
  return { ok: false, problem: problem('error', code, file, pointer, zh, en) };
}

/** Deepest bracket nesting outside strings, and where it was first exceeded. */
function textDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let deepest = 0;
  let at = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (depth === MAX_DOCUMENT_DEPTH + 1) at = i;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return { depth: deepest, at };
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function utf8Length(text: string): number {
  // Exact without allocating: 1–3 bytes per UTF-16 unit, 4 per surrogate pair.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
