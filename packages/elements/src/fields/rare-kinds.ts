/**
 * The field kinds few matters have, a chunk of their own (SPEC §9's budget): the choice among
 * alternatives nothing in the data selects (`oneOf`/`anyOf`), and adding entries to an object
 * that takes keys it does not declare. A form fetches it before drawing a matter whose schema
 * has either (engine.ts `needsRareKinds`), so its first step is drawn whole.
 */
import * as choices from '../form/choices-state.js';
import * as extraKeys from '../form/extra-keys-state.js';
export { drawChoices } from './chooser.js';
export { drawExtras } from './extra-keys.js';

/**
 * How the form's state works out chosen alternatives and undeclared entries; the loader
 * (engine.ts `loadRareKinds`) hands it over. Not a call here: the package says its modules
 * have no side effects, so a bundler may drop one.
 */
export const rareKindsState = { ...choices, ...extraKeys };
