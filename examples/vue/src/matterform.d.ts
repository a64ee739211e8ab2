// Vue templates typed with the elements' own declarations: the props vue-tsc checks on
// `<matter-form>` are MatterForm's properties and attributes, its `@matter-…` listeners take
// the events of @matterform/elements' events.ts (the same list custom-elements.json declares).
import type { DefineComponent } from 'vue';
import type { MatterEventMap, MatterForm, MatterMaterials, MatterMaterialsDetail } from '@matterform/elements';

/** `matter-submitted` → `onMatterSubmitted`: how Vue names the prop of an `@matter-submitted` listener. */
type Handler<E extends string> = E extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Handler<Capitalize<Tail>>}`
  : Capitalize<E>;
type Listeners<M> = { [K in keyof M & string as `on${Handler<K>}`]?: (event: M[K]) => void };

type FormProps = Partial<
  Pick<
    MatterForm,
    | 'matter'
    | 'schema'
    | 'catalogue'
    | 'subject'
    | 'connectors'
    | 'value'
    | 'validators'
    | 'archive'
    | 'consent'
    | 'lang'
    | 'readonly'
    | 'disabled'
    | 'name'
    | 'src'
    | 'catalogueSrc'
    | 'validatorSrc'
    | 'gateway'
    | 'action'
  >
> &
  Listeners<MatterEventMap & { 'matter-materials': CustomEvent<MatterMaterialsDetail> }>;

type MaterialsProps = Partial<
  Pick<MatterMaterials, 'matter' | 'catalogue' | 'subject' | 'connectors' | 'value' | 'today' | 'lang'>
> &
  Listeners<{ 'matter-materials': CustomEvent<MatterMaterialsDetail> }>;

declare module 'vue' {
  interface GlobalComponents {
    'matter-form': DefineComponent<FormProps>;
    'matter-materials': DefineComponent<MaterialsProps>;
  }
}
