import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { legalData } from '../engine/understanding/rules/legalData';
import type { ModelStatus } from '../engine/understanding/model/modelStore';
import { localToday } from '../engine/clock';
import type { HandlerContext, HandlerTable } from './types';

/** The access model (understanding/model/): status, learning now, export and import of a starter model. */
export function modelHandlers(ctx: HandlerContext): HandlerTable {
  const { engine, host } = ctx;
  const view = (s: ModelStatus) => {
    const registry = legalData().registry;
    const version = registry.defaultVersion;
    return {
      ...s,
      labels: Object.entries(s.labels)
        .map(([ground, l]) => ({ ground, accessClass: l.accessClass, examples: l.examples, titleVi: registry.entries(version).find((e) => e.ground === ground)?.titleVi ?? ground }))
        .sort((a, b) => b.examples - a.examples),
    };
  };
  const table: HandlerTable = {
    'model:status': () => view(engine.modelStatus()),
    'model:train': async () => view(await engine.updateModel()),
    'model:export': async ({ folder }) => {
      const target = host === 'preview' ? path.join(engine.paths.root, 'exports') : folder;
      if (!target || !path.isAbsolute(target)) throw new AppError('INVALID_INPUT', 'model export folder');
      mkdirSync(target, { recursive: true });
      const result = await engine.exportModel(path.join(target, `mo-hinh-de-xuat-${localToday()}.json`));
      return { file: result.file, examples: result.examples };
    },
  };
  if (host === 'electron') {
    table['model:import'] = async ({ path: file }) => {
      if (!path.isAbsolute(file)) throw new AppError('INVALID_INPUT', 'relative model path');
      return view(await engine.importModel(file));
    };
  }
  if (host === 'preview') {
    table['model:importUpload'] = async ({ uploadId }) => {
      const staged = ctx.uploads?.pathOf(uploadId);
      if (!staged) throw new AppError('NOT_FOUND', `upload ${uploadId}`);
      try {
        return view(await engine.importModel(staged));
      } finally {
        await ctx.uploads?.discard(uploadId);
      }
    };
  }
  return table;
}
