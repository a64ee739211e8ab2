/**
 * What the catalogue's header and its lists both draw: a colour (always its name beside the
 * swatch, never colour alone) and a department. Kept out of the lists' chunk because the
 * header draws before that chunk has loaded.
 */
import { html, type TemplateResult } from 'lit';
import { say } from '@matterform/elements';
import { NO_DEPARTMENT, type Colour, type Locale } from '@matterform/core';
import { catalogueMessages as msg } from '../i18n/catalogue.js';

export function colourLabel(colour: Colour, lang: Locale): TemplateResult {
  return html`<span class="colour"
    ><span class="swatch ${colour}" aria-hidden="true"></span>${say(msg[colour], lang)}</span
  >`;
}

export function departmentName(department: string, lang: Locale): string {
  return department === NO_DEPARTMENT ? say(msg.noDepartment, lang) : department;
}
