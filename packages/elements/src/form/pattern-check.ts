/**
 * The ReDoS check of a matter given to the element (SPEC §5 `matter-error` `matter-invalid`):
 * the same check as `matterform validate`'s, on the matter's schema and its materials'
 * conditions. A chunk of its own (the checker is some 40 KB), fetched by loading-controller.ts
 * only for a matter that has a `pattern`; a form is never drawn from a matter whose pattern may
 * take exponential time, so no keystroke can freeze the tab.
 */
import { patternProblems, type Matter } from '@matterform/core';

/** Throws, naming the pointer, when a regular expression of `matter` may take exponential time. */
export function checkPatterns(matter: Matter): void {
  const [unsafe] = patternProblems('matter', matter, matter.id);
  if (unsafe) throw new Error(`${unsafe.pointer}: ${unsafe.message.en}`);
}
