// A v-model for <matter-form>: `model` follows the form (every `matter-input`, and the data
// the prefill brought), and giving `model` a new object sets the form's `value`.
//
// The form's edits are copied into the same object, not a new one, so the `:value.prop`
// binding sees no change and never echoes them back: setting `value` redraws every field
// (and would mark the person's answers as the host's).
import { computed, ref, toRaw, type Ref } from 'vue';
import type { MatterForm } from '@matterform/elements';

export function useMatterModel(form: Readonly<Ref<MatterForm | null>>) {
  const model = ref<Record<string, unknown>>({});
  /** What `:value.prop` binds: the plain object (the element clones what it is given). */
  const bound = computed(() => toRaw(model.value));

  /** After `matter-input` and `matter-prefill`: the form's data into `model`, in place. */
  function sync(): void {
    const data = form.value?.value;
    if (!data) return;
    for (const key of Object.keys(model.value)) if (!(key in data)) delete model.value[key];
    Object.assign(model.value, data);
  }

  return { model, bound, sync };
}
