import { useState } from 'react';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useCan } from '../../session/SessionProvider.js';
import { useQueryParams } from '../indicators/query.js';
import { useProgramme } from './api.js';
import { programmeMessages } from './messages.js';
import { PortfolioTable } from './PortfolioTable.js';
import { ProjectDetail } from './ProjectDetail.js';
import { ProjectEditing } from './ProjectEditing.js';
import { ProjectForm } from './ProjectForm.js';
import { ProjectHistory } from './ProjectHistory.js';
import { RiskMatrix } from './RiskMatrix.js';
import { Timeline } from './Timeline.js';
import { WorkbookImport } from './WorkbookImport.js';
import './programme.css';

/**
 * The reform programme: which projects are on course by their own indicators, the timeline of projects
 * and milestones, the portfolio, the risk matrix and one project's course against what it promised.
 * With ?print=1 it is the steering group's status pack as printed to PDF.
 */
export const ProgrammePage = () => {
  const text = usePageMessages(programmeMessages);
  const { t, language } = useI18n();
  const [params, update] = useQueryParams();
  const [reload, setReload] = useState(0);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const programme = useProgramme(reload);
  const mayEdit = useCan('editProgramme');
  const print = params.get('print') === '1';
  const saved = (version: number) => {
    setCreated(null);
    setSavedVersion(version);
    setReload((n) => n + 1);
  };
  const selected = params.get('project') ?? undefined;
  const select = (code: string) => {
    update({ project: code });
    // The chosen project's details are below; take the reader there.
    requestAnimationFrame(() => document.getElementById('project-title')?.focus());
  };

  return (
    <div className={print ? 'programme-page programme-print' : 'programme-page'}>
      <PageHeading>{print ? text.pack : t.nav.programme}</PageHeading>
      <p className="lead">{t.pages.programme.lead}</p>
      <p className="hint">{text.rule}</p>
      {!print && (
        <p className="programme-actions">
          <a className="button" href={`/api/programme/status-pack.pdf?lang=${language}`} download>
            {`${text.pack}: ${text.packPdf}`}
          </a>{' '}
          <a className="button" href={`/api/programme/status-pack.xlsx?lang=${language}`} download>
            {`${text.pack}: ${text.packXlsx}`}
          </a>{' '}
          {mayEdit && (
            <button
              type="button"
              className="button"
              aria-expanded={creating}
              onClick={() => setCreating((open) => !open)}
            >
              {text.form.newProject}
            </button>
          )}
        </p>
      )}
      <Loaded state={programme}>
        {(view) => {
          const project = view.projects.find((p) => p.code === selected);
          return (
            <div className="programme-ready">
              <p className="programme-counts" role="status">
                {text.summary(
                  view.counts.onCourse,
                  view.counts.uncertain,
                  view.counts.offCourse,
                  view.counts.unknown,
                )}
              </p>
              {!print && mayEdit && creating && (
                <section className="card" aria-labelledby="new-project-title">
                  <h2 id="new-project-title">{text.form.newProject}</h2>
                  <ProjectForm
                    projects={view.projects}
                    onCancel={() => setCreating(false)}
                    onSaved={(code) => {
                      setCreating(false);
                      setSavedVersion(null);
                      setCreated(code);
                      setReload((n) => n + 1);
                      update({ project: code });
                    }}
                  />
                </section>
              )}
              {!print && <Timeline projects={view.projects} selected={selected} onSelect={select} />}
              <PortfolioTable projects={view.projects} onSelect={select} print={print} />
              <RiskMatrix projects={view.projects} />
              {print
                ? view.projects.map((p) => <ProjectDetail key={p.code} project={p} />)
                : project && (
                    <ProjectDetail project={project}>
                      {mayEdit && (
                        <ProjectEditing
                          key={`${project.code}-${project.version}`}
                          project={project}
                          onSaved={saved}
                        />
                      )}
                      {mayEdit && (
                        <details className="project-form-details">
                          <summary>{text.form.editTitle}</summary>
                          <ProjectForm
                            key={`${project.code}-${project.version}`}
                            project={project}
                            projects={view.projects}
                            onSaved={(_, version) => saved(version)}
                          />
                        </details>
                      )}
                      <ProjectHistory code={project.code} version={project.version} />
                    </ProjectDetail>
                  )}
            </div>
          );
        }}
      </Loaded>
      {/* Outside the loaded part, so that a reload after a save or an import does not take them away. */}
      <p role="status" className="status">
        {created !== null
          ? text.form.created(created)
          : savedVersion !== null
            ? text.edit.saved(savedVersion)
            : ''}
      </p>
      {!print && mayEdit && <WorkbookImport onImported={() => setReload((n) => n + 1)} />}
    </div>
  );
};
