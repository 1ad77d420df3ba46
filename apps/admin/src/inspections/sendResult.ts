import { HttpError } from 'react-admin';
import type { InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { holdsDraft, toResultInput, type ResultDraft } from './result';

/**
 * Sends an entered result; resolves once the API holds it. After a failure with no answer (the connection
 * dropped) or a refusal as changed meanwhile, what the API holds now says whether the entry arrived (its
 * answer was lost on the way back: resolved) or not (rejected, offline saying so).
 */
export async function sendResult(
  dataProvider: SuijiDataProvider,
  inspectionId: string,
  draft: ResultDraft,
  enteredAt: string | null,
): Promise<void> {
  try {
    await dataProvider.enterResult(toResultInput(inspectionId, draft, enteredAt));
  } catch (e) {
    const status = e instanceof HttpError ? (e.status as number) : undefined;
    if (status !== 0 && status !== 409) throw e;
    const now = await dataProvider
      .getOne<InspectionRecordFields>('inspections', { id: inspectionId })
      .then((r) => r.data)
      .catch(() => null);
    if (now && holdsDraft(now, draft)) return;
    if (status === 0) throw new Error('suiji.result.offline');
    throw e;
  }
}
