/**
 * Attachments over plain HTTP, because they are binary: `POST /inspections/:id/attachments` takes the raw
 * file as the body (its Content-Type, and its name URL-encoded in `X-File-Name` or `?name=`);
 * `GET /attachments/:id` sends it back. Both take the GraphQL login token (`Authorization: Bearer …`).
 *
 * An upload is refused before its body is read when the caller may not attach to the inspection; the body
 * is counted while it arrives and cut off at the limit (413), so a 50 MB file is never held in memory.
 * Errors are JSON `{ error: { code, reason?, message, text: { en, zh-CN } } }`, `message` in the reader's
 * language (Accept-Language).
 */
import express, { Router, type Request, type Response } from 'express';
import { guardIdParam } from '../../http.js';
import { GraphQLError } from 'graphql';
import { text, tooLargeProblem, type Locale, type Text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { AppError, BadInputError } from '../../graphql/errors.js';
import { localeOf } from '../../graphql/localize.js';
import type { Attachment } from './attachment.entity.js';
import {
  AttachmentRejectedError,
  assertMayUpload,
  attachmentToDownload,
  saveAttachment,
} from './attachment.service.js';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

const SERVER_FAILED = text(
  'Something went wrong on the server; nothing was saved. Try again, or report it if it persists.',
  '服务器出错，本次未保存任何内容。请重试；如仍出错，请报告。',
);

function fail(res: Response, locale: Locale, error: unknown): void {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const code = error.extensions.code;
    // App errors carry both languages; the context's own errors come already in the reader's.
    const message = (error instanceof AppError ? (error.extensions.text as Text) : null) ?? {
      en: error.message,
      'zh-CN': error.message,
    };
    res.status(STATUS_OF_CODE[code] ?? 400).json({
      error: {
        code,
        ...(error.extensions.reason ? { reason: error.extensions.reason } : {}),
        message: message[locale],
        text: message,
      },
    });
    return;
  }
  console.error(error);
  res.status(500).json({
    error: { code: 'INTERNAL_SERVER_ERROR', message: SERVER_FAILED[locale], text: SERVER_FAILED },
  });
}

/** The attachment as the upload answers it: the same fields as GraphQL's `Attachment`. */
function describe(a: Attachment) {
  return {
    id: a.id,
    inspectionId: a.inspectionId,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    url: a.url,
    uploadedById: a.uploadedById,
    createdAt: a.createdAt.toISOString(),
  };
}

function fileNameOf(req: Request): string {
  const raw = req.header('x-file-name') ?? (typeof req.query.name === 'string' ? req.query.name : '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `filename*` carries any name (RFC 6266); the plain `filename` is an ASCII stand-in for old clients. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface AttachmentRoutesOptions {
  contextFor: (authorization: string | undefined, locale: Locale) => Promise<Context>;
  /** The largest attachment accepted, in bytes. */
  maxBytes: number;
}

export function attachmentRoutes({ contextFor, maxBytes }: AttachmentRoutesOptions): Router {
  const router = Router();
  guardIdParam(router);
  // Counts the body as it arrives and stops at the limit; compressed bodies are refused, so the limit is
  // the size stored.
  const readBody = express.raw({ type: () => true, limit: maxBytes, inflate: false });

  router.post('/inspections/:id/attachments', async (req, res) => {
    const locale = localeOf(req.headers['accept-language']);
    const inspectionId = req.params.id;
    try {
      const ctx = await contextFor(req.headers.authorization, locale);
      await assertMayUpload(ctx, inspectionId);
      const body = await new Promise<unknown>((resolve, reject) =>
        readBody(req, res, (error?: Error) => (error ? reject(error) : resolve(req.body))),
      ).catch((error: { type?: string; length?: number; status?: number; message?: string }) => {
        if (error.type === 'entity.too.large')
          throw new AttachmentRejectedError(
            tooLargeProblem(maxBytes, typeof error.length === 'number' ? error.length : undefined),
          );
        if (typeof error.status === 'number' && error.status < 500)
          throw new BadInputError(
            text(
              `The file could not be read (${error.message}); send it again, uncompressed.`,
              `无法读取上传的文件（${error.message}）；请以未压缩的方式重新上传。`,
            ),
          );
        throw error;
      });
      const attachment = await saveAttachment(
        ctx,
        inspectionId,
        {
          fileName: fileNameOf(req),
          declaredType: req.header('content-type') ?? '',
          content: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        },
        maxBytes,
      );
      res.status(201).location(attachment.url).json(describe(attachment));
    } catch (error) {
      fail(res, locale, error);
    }
  });

  router.get('/attachments/:id', async (req, res) => {
    const locale = localeOf(req.headers['accept-language']);
    try {
      const ctx = await contextFor(req.headers.authorization, locale);
      const { attachment, content } = await attachmentToDownload(ctx, req.params.id);
      res
        .status(200)
        .set({
          'Content-Type': attachment.mimeType,
          'Content-Disposition': contentDisposition(attachment.fileName),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
          ETag: `"${attachment.sha256}"`,
        })
        .send(content);
    } catch (error) {
      fail(res, locale, error);
    }
  });
  return router;
}
