import { useEffect, useState } from 'react';
import type {
  ProgrammeImportSummary,
  ProgrammeView,
  Project,
  ProjectFields,
  ProjectVersionList,
  ProjectView,
} from '../../../../src/model/index.js';
import { getJson, reasonOf } from '../../api/failure.js';
import { sendJson } from '../../api/send.js';
import type { ApiState } from '../../api/useApi.js';

/**
 * The programme, fetched again whenever `reload` changes (after a save or an import). The answer shown
 * stays until the new one arrives, so that forms and their messages are not taken away meanwhile.
 */
export const useProgramme = (reload: number): ApiState<ProgrammeView> => {
  const [state, setState] = useState<ApiState<ProgrammeView>>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is the reason to fetch again
  useEffect(() => {
    const controller = new AbortController();
    getJson<ProgrammeView>('/api/programme', controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', reason: reasonOf(error) });
      });
    return () => controller.abort();
  }, [reload]);
  return state;
};

/** The fields a project is saved with: what the view adds (course, sums, version) left out. */
export const fieldsOf = (p: ProjectView): ProjectFields => ({
  code: p.code,
  name: p.name,
  ...(p.names && { names: p.names }),
  goal: p.goal,
  owner: p.owner,
  phase: p.phase,
  start: p.start,
  end: p.end,
  funding: p.funding,
  staff: p.staff,
  milestones: p.milestones,
  risks: p.risks,
  dependsOn: p.dependsOn,
  statusReports: p.statusReports,
  effects: p.effects,
});

/** Saves a new version of the project, naming the version it was made on (409 when someone was first). */
export const saveProject = (view: ProjectView, project: ProjectFields): Promise<Project> =>
  sendJson<Project>('PUT', `/api/programme/projects/${encodeURIComponent(view.code)}`, {
    body: { version: view.version, project },
  });

const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export const importWorkbook = async (file: File): Promise<ProgrammeImportSummary> =>
  sendJson<ProgrammeImportSummary>('POST', '/api/programme/import', {
    body: { workbookBase64: await base64Of(file) },
  });

/** Adds a project to the programme (409 when its code is taken). */
export const createProject = (project: ProjectFields): Promise<Project> =>
  sendJson<Project>('POST', '/api/programme/projects', { body: project });

/** Every saved version of a project, newest first, fetched again whenever `version` changes. */
export const useProjectVersions = (code: string, version: number): ApiState<ProjectVersionList> => {
  const [state, setState] = useState<ApiState<ProjectVersionList>>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is the reason to fetch again
  useEffect(() => {
    const controller = new AbortController();
    getJson<ProjectVersionList>(
      `/api/programme/projects/${encodeURIComponent(code)}/versions`,
      controller.signal,
    )
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', reason: reasonOf(error) });
      });
    return () => controller.abort();
  }, [code, version]);
  return state;
};
