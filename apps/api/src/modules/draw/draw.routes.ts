/**
 * Public downloads of a draw, outside GraphQL because they can be large: the frozen pool (from the
 * moment the draw is scheduled, so anyone can check the published digest), the targets the rules left
 * out with their reasons as the public reads them (no risk class), and the record (once it has run). All are public (一公开); the nonce
 * appears only in the record. Targets and inspectors appear by their opaque ids, reasons by code: no
 * free text and nothing of the registries.
 */
import type { MikroORM } from '@mikro-orm/core';
import { guardIdParam } from '../../http.js';
import { Router } from 'express';
import type { Context } from '../../graphql/context.js';
import { LABELS, publicExclusionReason, type ExclusionReason } from '@suiji/domain';
import { Draw } from './draw.entity.js';
import { localeOf } from '../../graphql/localize.js';
import { drawText, publishedRecord, recordOf } from './draw.service.js';

export function drawRoutes(orm: MikroORM): Router {
  const router = Router();
  guardIdParam(router);
  router.get('/draws/:id/pool.txt', async (req, res) => {
    const em = orm.em.fork();
    const draw = await em.findOne(Draw, { id: req.params.id });
    const pool = draw && (await drawText(em, draw.id, 'pool'));
    if (!draw || pool == null) {
      res.status(404).json({ error: 'No such draw.' });
      return;
    }
    res
      .type('text/plain; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="draw-${draw.id}-pool.txt"`)
      .send(pool);
  });
  router.get('/draws/:id/exclusions.json', async (req, res) => {
    const em = orm.em.fork();
    const draw = await em.findOne(Draw, { id: req.params.id });
    const stored = draw && (await drawText(em, draw.id, 'exclusions'));
    if (!draw || stored == null) {
      res.status(404).json({ error: 'No such draw.' });
      return;
    }
    const locale = localeOf(req.headers['accept-language']);
    // The reason as the public reads it: "low risk and inspected this year" would tell a risk class.
    const exclusions = (JSON.parse(stored) as [string, ExclusionReason][]).map(([target, why]) => {
      const reason = publicExclusionReason(why);
      return { target, reason, text: LABELS[locale].publicExclusionReason[reason] };
    });
    res.type('application/json').send(JSON.stringify({ drawId: draw.id, exclusions }));
  });
  router.get('/draws/:id/record.json', async (req, res) => {
    const em = orm.em.fork();
    const draw = await em.findOne(Draw, { id: req.params.id });
    if (!draw || draw.status !== 'DRAWN') {
      res.status(404).json({ error: draw ? 'This draw has not run yet.' : 'No such draw.' });
      return;
    }
    const record = publishedRecord(await recordOf({ em } as Context, draw));
    res
      .type('application/json')
      .set('Content-Disposition', `attachment; filename="draw-${draw.id}.json"`)
      .send(JSON.stringify(record));
  });
  return router;
}
