import type { Annotations, LayerName } from './annotations.ts';
import type { Article } from './article.ts';
import { RasdError } from './errors.ts';

/** What a component sees: the cleaned article and the layers made so far. */
export interface DocumentDraft {
  readonly article: Article;
  readonly layers: Partial<Annotations>;
}

/**
 * A pipeline stage: a pure function from the draft to the layers it adds. It declares which layers it
 * needs and which it makes, so the pipeline can check the order once, when it is built.
 */
export interface Component<K extends LayerName = LayerName> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly K[];
  run(draft: DocumentDraft): Pick<Annotations, K> | Partial<Pick<Annotations, K>>;
}

/** Layers made by cleaning, before any component runs. */
const GIVEN_LAYERS: readonly LayerName[] = ['boilerplate'];

/**
 * Checks that every component's requirements are made by an earlier one and that no layer is made twice.
 * Throws `RasdError('E_PIPELINE')` naming the component. `checkPipeline([tokens, sentences])` → ok.
 */
export function checkPipeline(components: readonly Component[]): void {
  const made = new Set<LayerName>(GIVEN_LAYERS);
  for (const component of components) {
    for (const need of component.requires) {
      if (!made.has(need)) {
        throw new RasdError('E_PIPELINE', `component "${component.name}" needs layer "${need}" that no earlier component makes`);
      }
    }
    for (const layer of component.assigns) {
      if (made.has(layer)) throw new RasdError('E_PIPELINE', `layer "${layer}" is made twice (again by "${component.name}")`);
      made.add(layer);
    }
  }
}
