import type { HandlerContext, HandlerTable } from './types';

/** Redaction regions and redacted files (engine/redaction); changes are recorded under the
 *  reviewer name from Settings. */
export function redactionHandlers({ engine, settings }: HandlerContext): HandlerTable {
  const reviewer = () => settings.get().reviewerName.trim() || engine.actor;
  return {
    'redaction:regions': ({ id }) => engine.redaction.view(id),
    'redaction:propose': ({ id }) => engine.redaction.propose(id, reviewer()),
    'redaction:setState': ({ id, regions, all, state }) => (all && state === 'accepted' ? engine.redaction.acceptAll(id, reviewer()) : engine.redaction.setState(id, regions, state, reviewer())),
    'redaction:draw': ({ id, page, box, basis }) => engine.redaction.draw(id, page, box, reviewer(), basis ?? null),
    'redaction:fromText': ({ id, page, start, end, basis }) => engine.redaction.fromText(id, page, start, end, reviewer(), basis ?? null),
    'redaction:setGround': ({ id, region, basis }) => engine.redaction.setGround(id, region, basis, reviewer()),
    'redaction:build': async ({ id }) => {
      const file = await engine.redaction.build(id);
      return { documentId: id, sha256: file.sha256, pages: file.pageTexts.length, built: file.built, seconds: Math.round(file.seconds * 10) / 10 };
    },
  };
}
