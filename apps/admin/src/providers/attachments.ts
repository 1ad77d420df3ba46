/**
 * Attachments of a result. Listing, the rules and deletion go through GraphQL; the files themselves go
 * over plain HTTP (they are binary), with the same login token and language as GraphQL. A refusal
 * becomes an `HttpError` carrying the API's message in the reader's language.
 */
import { HttpError } from 'react-admin';
import type { AttachmentFieldsFragment, AttachmentRulesQuery } from '../graphql/generated/graphql';
import * as ops from '../graphql/operations';
import { gql } from './graphql';
import { i18nProvider } from './i18nProvider';
import { readSession } from './session';

/** The API's `Attachment`. */
export type AttachmentRecord = AttachmentFieldsFragment;

/** The API's `AttachmentRules`. */
export type AttachmentRules = AttachmentRulesQuery['attachmentRules'];

export async function listAttachments(inspectionId: string): Promise<AttachmentRecord[]> {
  const data = await gql(ops.Attachments, { id: inspectionId });
  return data.inspection?.attachments ?? [];
}

export async function fetchAttachmentRules(): Promise<AttachmentRules> {
  return (await gql(ops.AttachmentRules, {})).attachmentRules;
}

export async function deleteAttachment(id: string): Promise<void> {
  await gql(ops.DeleteAttachment, { id });
}

function headers(): Record<string, string> {
  const session = readSession();
  return {
    'Accept-Language': i18nProvider.getLocale(),
    ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
  };
}

/** The API's refusal as an `HttpError` with its message; the status when the answer is not JSON. */
async function refusal(response: Response): Promise<HttpError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message)
      return new HttpError(body.error.message, response.status, { code: body.error.code });
  } catch {
    // not JSON: a proxy or the network answered
  }
  return new HttpError(response.statusText || 'ra.notification.http_error', response.status || 500);
}

/** Uploads one file to an inspection; the API judges it by its content and answers with the stored attachment. */
export async function uploadAttachment(inspectionId: string, file: File): Promise<AttachmentRecord> {
  let response: Response;
  try {
    response = await fetch(`/inspections/${encodeURIComponent(inspectionId)}/attachments`, {
      method: 'POST',
      headers: {
        ...headers(),
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new HttpError('ra.notification.offline', 0);
  }
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as AttachmentRecord;
}

/** Downloads an attachment's content (an `<img>` or a link cannot send the login token). */
export async function fetchAttachment(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { headers: headers() });
  } catch {
    throw new HttpError('ra.notification.offline', 0);
  }
  if (!response.ok) throw await refusal(response);
  return response.blob();
}
