import { chinaToday } from '@suiji/domain';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const TODAY = chinaToday();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62, 0x90),
  Buffer.from('This program cannot be run'),
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const ATTACHMENTS =
  'query($id: ID!) { inspection(id: $id) { attachments { id fileName mimeType size sha256 url createdAt } } }';
const DELETE = 'mutation($id: ID!) { deleteAttachment(id: $id) { id fileName } }';

describe('attachments to a result', () => {
  let t: TestApp;
  let server: Server;
  let base = '';
  let admin: string;
  let coordinator: string;
  let seq = 0;

  interface Sent {
    name?: string;
    type?: string;
    token?: string;
    locale?: string;
  }

  /** Uploads `body` over HTTP as the dashboard does; returns the status and the JSON answer. */
  async function upload(inspectionId: string, body: Buffer | ReadableStream<Uint8Array>, sent: Sent = {}) {
    const headers: Record<string, string> = {};
    if (sent.type !== undefined) headers['Content-Type'] = sent.type;
    if (sent.name !== undefined) headers['X-File-Name'] = encodeURIComponent(sent.name);
    if (sent.token) headers.Authorization = `Bearer ${sent.token}`;
    if (sent.locale) headers['Accept-Language'] = sent.locale;
    const response = await fetch(`${base}/inspections/${inspectionId}/attachments`, {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    });
    return { status: response.status, json: (await response.json()) as any };
  }

  const download = (url: string, token?: string) =>
    fetch(`${base}${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  const count = async (table: string) =>
    Number(
      (
        (await t.app.orm.em.getConnection().execute(`select count(*) as n from ${table}`)) as { n: unknown }[]
      )[0]!.n,
    );

  /** A drawn inspection and a signed-in member of its team. */
  async function drawnInspection() {
    const drawId = await t.drawLandTask(coordinator, `附件任务 ${++seq}`);
    const inspection = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0] as { id: string; teamIds: string[] };
    return { id: inspection.id, member: await signInAs(inspection.teamIds[0]!) };
  }

  async function unit() {
    return (await t.ok('{ departments(filter: { q: "WG-ZRZY-ZFJC" }) { items { id } } }')).departments
      .items[0].id as string;
  }

  const signInAs = (inspectorId: string) => t.signInAsInspector(inspectorId);

  /** An inspector of the same unit surely outside every team drawn before. */
  async function outsider(): Promise<string> {
    const id = (
      await t.ok(
        'mutation($i: InspectorInput!) { createInspector(input: $i) { id } }',
        {
          i: {
            name: `局外人${++seq}`,
            departmentId: await unit(),
            certificateNumber: `ATT-OUT-${seq}`,
            certificateValidFrom: '2024-01-01',
            certificateValidUntil: '2030-12-31',
          },
        },
        admin,
      )
    ).createInspector.id;
    return signInAs(id);
  }

  const enter = async (inspectionId: string, token: string) => {
    const { itemIds } = (
      await t.ok('query($id: ID!) { inspection(id: $id) { itemIds } }', { id: inspectionId }, token)
    ).inspection as { itemIds: string[] };
    const items = itemIds.map((itemId) => ({ itemId, category: 'NO_PROBLEM' }));
    return t.ok(
      'mutation($i: ResultInput!) { enterResult(input: $i) { state } }',
      { i: { inspectionId, items, methodsUsed: ['ON_SITE'], inspectedOn: TODAY } },
      token,
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    server = await t.app.listen(0, '127.0.0.1');
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    admin = await t.login('admin');
    coordinator = await t.login('coordinator');
  });
  afterAll(() => t.close());

  it('are uploaded by a team member, listed, and downloaded by staff byte for byte', async () => {
    const { id, member } = await drawnInspection();
    const photo = await upload(id, PNG, { name: '现场照片 1.png', type: 'image/png', token: member });
    expect(photo.status).toBe(201);
    expect(photo.json).toMatchObject({
      inspectionId: id,
      fileName: '现场照片 1.png',
      mimeType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
    });
    // The name may also come as ?name=, and a generic declared type leaves the content to decide.
    const order = await fetch(
      `${base}/inspections/${id}/attachments?name=${encodeURIComponent('责令改正通知书.pdf')}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${member}`, 'Content-Type': 'application/octet-stream' },
        body: PDF,
      },
    );
    expect(order.status).toBe(201);

    const listed = (await t.ok(ATTACHMENTS, { id }, coordinator)).inspection.attachments;
    expect(listed.map((a: { fileName: string; mimeType: string }) => [a.fileName, a.mimeType])).toEqual([
      ['现场照片 1.png', 'image/png'],
      ['责令改正通知书.pdf', 'application/pdf'],
    ]);
    expect((await t.ok(ATTACHMENTS, { id }, member)).inspection.attachments).toHaveLength(2);
    // The same through the list, which reads its inspections as rows (db/rows.ts).
    const inList = (
      await t.ok(
        'query($ids: [ID!]) { inspections(filter: { ids: $ids }) { items { attachments { id fileName } } } }',
        { ids: [id] },
        coordinator,
      )
    ).inspections.items[0].attachments;
    expect(inList).toEqual(
      listed.map((a: { id: string; fileName: string }) => ({ id: a.id, fileName: a.fileName })),
    );

    for (const [attachment, bytes] of [
      [listed[0], PNG],
      [listed[1], PDF],
    ] as const) {
      const response = await download(attachment.url, coordinator);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(attachment.mimeType);
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      );
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(bytes)).toBe(true);
      expect(sha256(body)).toBe(attachment.sha256);
    }
    // Managers read everything in their scope; the public reads none of it.
    expect((await download(listed[0].url, await t.login('manager'))).status).toBe(200);
    expect((await download(listed[0].url)).status).toBe(401);

    // The trail records each upload (name, type, size, digest) but not the content.
    const trail = (
      await t.ok(
        '{ trail(page: { page: 1, perPage: 50 }) { items { action entity entityId actorId after } } }',
        {},
        admin,
      )
    ).trail.items.filter((e: { entity: string }) => e.entity === 'Attachment');
    const entry = trail.find((e: { entityId: string }) => e.entityId === photo.json.id);
    expect(entry.action).toBe('create');
    expect(JSON.parse(entry.after)).toEqual({
      inspection: id,
      fileName: '现场照片 1.png',
      mimeType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      uploadedById: photo.json.uploadedById,
    });
  });

  it('refuse a 50 MB file with 413, saying the limit, and write nothing', async () => {
    const { id, member } = await drawnInspection();
    const before = [await count('attachment'), await count('trail_entry')];
    const huge = await upload(id, Buffer.alloc(50 * 1024 * 1024, 0xff), {
      name: 'huge.jpg',
      type: 'image/jpeg',
      token: member,
      locale: 'en',
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'TOO_LARGE' });
    expect(huge.json.error.message).toBe(huge.json.error.text.en);
    expect(huge.json.error.text.en).toContain('The file is 50 MB; an attachment may be at most 20 MB');
    expect(huge.json.error.text['zh-CN']).toContain('附件不能超过 20 MB');

    // Sent without a length, the body is counted as it arrives and cut off at the limit.
    let sentBytes = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0xff);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentBytes += chunk.length;
        if (sentBytes > 30 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await upload(id, endless, { name: 'stream.jpg', type: 'image/jpeg', token: member });
    expect(streamed.status).toBe(413);
    expect(streamed.json.error.message).toContain('文件超过附件大小上限 20 MB');

    expect([await count('attachment'), await count('trail_entry')]).toEqual(before);
  });

  it('refuse programs, text renamed as a photo, and names that lie about the content (415)', async () => {
    const { id, member } = await drawnInspection();
    const before = await count('attachment');
    const exe = await upload(id, EXE, { name: 'setup.exe', type: 'application/x-msdownload', token: member });
    expect(exe.status).toBe(415);
    expect(exe.json.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'UNSUPPORTED_TYPE' });
    expect(exe.json.error.message).toContain('按文件内容判断');

    const renamed = await upload(id, Buffer.from('not a photo at all\n'), {
      name: 'photo.png',
      type: 'image/png',
      token: member,
      locale: 'en',
    });
    expect(renamed.status).toBe(415);
    expect(renamed.json.error.message).toContain('"photo.png" is not a JPEG, PNG or WebP photo nor a PDF');

    const misnamed = await upload(id, JPEG, {
      name: 'photo.png',
      type: 'image/png',
      token: member,
      locale: 'en',
    });
    expect(misnamed.status).toBe(415);
    expect(misnamed.json.error).toMatchObject({ reason: 'TYPE_MISMATCH' });
    expect(misnamed.json.error.message).toContain('Rename it to end in .jpg');

    const empty = await upload(id, Buffer.alloc(0), { name: 'empty.jpg', type: 'image/jpeg', token: member });
    expect(empty.status).toBe(400);
    const nameless = await upload(id, JPEG, { type: 'image/jpeg', token: member });
    expect(nameless.status).toBe(400);
    expect(await count('attachment')).toBe(before);
  });

  it('are added only by members of the team, signed in', async () => {
    const { id } = await drawnInspection();
    const anonymous = await upload(id, PNG, { name: 'a.png', type: 'image/png' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    const badToken = await upload(id, PNG, { name: 'a.png', type: 'image/png', token: 'not-a-token' });
    expect(badToken.status).toBe(401);
    const stranger = await upload(id, PNG, { name: 'a.png', type: 'image/png', token: await outsider() });
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.code).toBe('FORBIDDEN');
    // A coordinator reviews results but does not enter them.
    expect((await upload(id, PNG, { name: 'a.png', type: 'image/png', token: coordinator })).status).toBe(
      403,
    );
    const missing = await upload('00000000-0000-0000-0000-000000000000', PNG, {
      name: 'a.png',
      type: 'image/png',
      token: await outsider(),
    });
    expect(missing.status).toBe(404);
    expect((await download('/attachments/00000000-0000-0000-0000-000000000000', coordinator)).status).toBe(
      404,
    );
  });

  it('are deleted by a team member while the result can be entered; the trail keeps the record', async () => {
    const { id, member } = await drawnInspection();
    const uploaded = (await upload(id, JPEG, { name: '错拍.jpg', type: 'image/jpeg', token: member })).json;
    expect(errorCode(await t.gql(DELETE, { id: uploaded.id }, await outsider()))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DELETE, { id: uploaded.id }, coordinator))).toBe('FORBIDDEN');
    expect((await t.ok(DELETE, { id: uploaded.id }, member)).deleteAttachment.fileName).toBe('错拍.jpg');
    expect((await t.ok(ATTACHMENTS, { id }, member)).inspection.attachments).toEqual([]);
    expect((await download(uploaded.url, coordinator)).status).toBe(404);
    expect(errorCode(await t.gql(DELETE, { id: uploaded.id }, member))).toBe('NOT_FOUND');
    const trail = (
      await t.ok(
        '{ trail(page: { page: 1, perPage: 5 }) { items { action entity entityId before } } }',
        {},
        admin,
      )
    ).trail.items;
    const deleted = trail.find(
      (e: { action: string; entityId: string }) => e.action === 'delete' && e.entityId === uploaded.id,
    );
    expect(JSON.parse(deleted.before)).toMatchObject({ fileName: '错拍.jpg', sha256: sha256(JPEG) });
  });

  it('freeze once the result is entered or published (409), and stay hidden from the public', async () => {
    const { id, member } = await drawnInspection();
    const kept = (await upload(id, PDF, { name: 'kept.pdf', type: 'application/pdf', token: member })).json;
    await enter(id, member);
    const awaiting = await upload(id, PNG, {
      name: 'late.png',
      type: 'image/png',
      token: member,
      locale: 'en',
    });
    expect(awaiting.status).toBe(409);
    expect(awaiting.json.error.message).toContain('awaits review');
    expect(errorCode(await t.gql(DELETE, { id: kept.id }, member))).toBe('CONFLICT');

    await t.ok(
      'mutation($i: ReviewInput!) { reviewResult(input: $i) { state } }',
      {
        i: { inspectionId: id, approve: true },
      },
      coordinator,
    );
    const published = await upload(id, PNG, { name: 'late.png', type: 'image/png', token: member });
    expect(published.status).toBe(409);
    expect(published.json.error.message).toContain('已公示');
    expect(errorCode(await t.gql(DELETE, { id: kept.id }, member))).toBe('CONFLICT');

    // 一公开 publishes the result, not the evidence: the public sees no attachments and downloads none.
    const publicView = await t.ok('{ publicResults(page: { page: 1, perPage: 100 }) { items { id } } }');
    expect(publicView.publicResults.items.map((i: { id: string }) => i.id)).toContain(id);
    const asking = await t.gql('{ publicResults { items { id attachments { id } } } }');
    expect(errorCode(asking)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await download(kept.url)).status).toBe(401);
    expect((await download(kept.url, coordinator)).status).toBe(200);
  });

  it('number at most 20 per inspection', async () => {
    const { id, member } = await drawnInspection();
    const rules = (await t.ok('{ attachmentRules { maxBytes maxCount mimeTypes } }', {}, member))
      .attachmentRules;
    expect(rules).toEqual({
      maxBytes: 20 * 1024 * 1024,
      maxCount: 20,
      mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    });
    for (let i = 1; i <= 20; i++)
      expect((await upload(id, JPEG, { name: `${i}.jpg`, type: 'image/jpeg', token: member })).status).toBe(
        201,
      );
    const extra = await upload(id, JPEG, { name: '21.jpg', type: 'image/jpeg', token: member, locale: 'en' });
    expect(extra.status).toBe(409);
    expect(extra.json.error).toMatchObject({ reason: 'TOO_MANY' });
    expect(extra.json.error.message).toContain('at most 20 attachments');
    expect((await t.ok(ATTACHMENTS, { id }, member)).inspection.attachments).toHaveLength(20);
  });
});
