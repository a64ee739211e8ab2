/**
 * The field kinds few matters have, a chunk of their own (SPEC §9's budget): the choice among
 * alternatives nothing in the data selects (`oneOf`/`anyOf`), and adding entries to an object
 * that takes keys it does not declare. A form fetches it before drawing a matter whose schema
 * has either (engine.ts `needsRareKinds`), so its first step is drawn whole.
 */
import * as choices from '../form/choices-state.js';
import * as extraKeys from '../form/extra-keys-state.js';
import { useRareKinds } from '../form/form-state.js';
export { drawChoices } from './chooser.js';
export { drawExtras } from './extra-keys.js';

// The form's state works out chosen alternatives and undeclared entries with it from now on.
useRareKinds({ ...choices, ...extraKeys });
