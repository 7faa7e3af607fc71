export { linkEntities } from './link.ts';
export type { LinkInput, LinkResult, ModelMention } from './types.ts';
