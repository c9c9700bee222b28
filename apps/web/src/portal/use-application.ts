import type { ApplicationDetail } from '../procedures/application-view';
import { fetchApplication } from './applications-api';
import { useResource } from './use-resource';

const load = (applicationId: string, signal: AbortSignal) => fetchApplication(applicationId, signal);

/** One of the resident's applications with the procedure version it was started on. */
export function useApplication(applicationId: string) {
  return useResource<ApplicationDetail>(applicationId, load);
}
