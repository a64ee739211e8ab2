import type { Message } from '../text.js';

/**
 * One thing wrong (or doubtful) with a document: where it is — the file as the person
 * named it and a JSON Pointer into that file — and what is wrong, in zh-CN and en.
 * `code` is stable, so tests and tools can match on it.
 */
export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  pointer: string;
  message: Message;
}

export function problem(
  severity: Problem['severity'],
  code: string,
  file: string,
  pointer: string,
  zh: string,
  en: string,
): Problem {
  return { severity, code, file, pointer, message: { 'zh-CN': zh, en } };
}

/** The one-line form the CLI prints: `file: /pointer: message` (SPEC §8). */
export function formatProblem(p: Problem, lang: 'zh-CN' | 'en' = 'en'): string {
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  // The whole document has the empty pointer; printing `/` would name the key "".
  const where = p.pointer === '' ? p.file : `${p.file}: ${p.pointer}`;
  return `${prefix}${where}: ${p.message[lang]}`;
}
