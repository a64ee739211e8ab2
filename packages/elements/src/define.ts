/** Registers `<matter-form>` once (the package's only side effect besides define-materials). */
import { MatterForm } from './form/matter-form.js';

if (!customElements.get('matter-form')) customElements.define('matter-form', MatterForm);

declare global {
  interface HTMLElementTagNameMap {
    'matter-form': MatterForm;
  }
}
