import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { countText, formatDate, formatNumber } from "../../../src/domain/format.ts";
import { apiGet, csrfHeaders } from "../api.ts";
import { ComputePanel } from "../components/ComputePanel.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { SnapshotInUseText, useSnapshotInUse } from "../components/SnapshotInUse.tsx";
import { Can } from "../session.tsx";

/** Shapes of /api/snapshots, /api/imports and /api/import-jobs (src/api/routes/snapshots.ts). */
interface Snapshot {
  id: string;
  extractionDate: string;
  source: string;
  counts: Record<string, number>;
  dateRange: { from: string | null; to: string | null };
  personCount: number;
  rejectedRows: number;
  status: string;
  importedBy: string;
  createdAt: string;
}

interface Reject {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

interface FileSummary {
  file: string;
  rows: number;
  valid: number;
  rejected: number;
}

interface Report {
  id: number;
  snapshotId: string | null;
  outcome: "imported" | "rejected" | "duplicate" | "failed";
  summary: {
    message?: string;
    files?: FileSummary[];
    rejectedRows?: number;
    rejectsTotal?: number;
    reportFile?: string | null;
  };
  rejects?: Reject[];
  importedBy: string;
  createdAt: string;
}

interface ImportProgress {
  phase: "hashing" | "reading" | "checking" | "writing" | "done";
  file?: string;
  rows: number;
  bytes: number;
  totalBytes: number;
}

interface ImportJob {
  id: string;
  state: "running" | "done" | "failed";
  progress: ImportProgress | null;
  result: { outcome: Report["outcome"]; message: string; reportId: number; snapshotId: string | null } | null;
  error: string | null;
}

const TABLES: [string, string][] = [
  ["benefit_records", "Ydelsesforløb"],
  ["activities", "Tilbud"],
  ["wage_hours", "Løntimer"],
  ["markers", "Markeringer"],
  ["refusion_weeks", "Refusionsuger"],
];

const PHASES: Record<ImportProgress["phase"], string> = {
  hashing: "Beregner indholdshash",
  reading: "Læser og validerer",
  checking: "Kontrollerer dubletter og personer",
  writing: "Skriver snapshot",
  done: "Færdig",
};

const OUTCOMES: Record<Report["outcome"], string> = {
  imported: "Importeret",
  rejected: "Afvist",
  duplicate: "Allerede importeret",
  failed: "Mislykkedes",
};

function formatTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDate(iso.slice(0, 10))} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Uploads with XMLHttpRequest so the upload itself can show progress; answers the JSON body. */
function upload(form: FormData, onProgress: (share: number) => void): Promise<{ job: ImportJob }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.setRequestHeader("accept", "application/json");
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { job: ImportJob });
      else {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        reject(new Error(message ?? `Serveren svarede ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error("Forbindelsen til serveren blev afbrudt"));
    xhr.send(form);
  });
}

function ReportView({ report }: { report: Report }) {
  const files = report.summary.files ?? [];
  const rejects = report.rejects ?? [];
  const total = report.summary.rejectsTotal ?? rejects.length;
  return (
    <div>
      <p>
        <strong>{OUTCOMES[report.outcome]}</strong>: {report.summary.message}
      </p>
      {files.length > 0 && (
        <DataTable<FileSummary>
          caption="Rækker pr. fil"
          rows={files}
          rowKey={(f) => f.file}
          columns={[
            { key: "file", header: "Fil", rowHeader: true, text: (f) => f.file },
            { key: "rows", header: "Rækker", numeric: true, text: (f) => formatNumber(f.rows) },
            { key: "valid", header: "Gyldige", numeric: true, text: (f) => formatNumber(f.valid) },
            { key: "rejected", header: "Afviste", numeric: true, text: (f) => formatNumber(f.rejected) },
          ]}
        />
      )}
      {total > 0 && (
        <>
          {total > rejects.length && (
            <p className="muted small">
              Viser de første {formatNumber(rejects.length)} af {formatNumber(total)} fejl. Alle står i
              rapportfilen {report.summary.reportFile ?? ""} i datamappens import-reports.
            </p>
          )}
          <DataTable<Reject>
            caption="Afviste rækker"
            rows={rejects}
            rowKey={(r) => `${r.file}:${r.line}:${r.column}:${r.reason}`}
            empty="Ingen afviste rækker"
            columns={[
              { key: "file", header: "Fil", text: (r) => r.file },
              { key: "line", header: "Linje", numeric: true, text: (r) => String(r.line) },
              { key: "column", header: "Kolonne", text: (r) => r.column },
              { key: "value", header: "Værdi", text: (r) => r.value },
              { key: "reason", header: "Årsag", text: (r) => r.reason },
            ]}
          />
        </>
      )}
    </div>
  );
}

/**
 * Data: upload a monthly extract (CSV/XLSX files, the refusion files, manifest.json) with progress,
 * the snapshot catalogue, and each snapshot's (or failed attempt's) validation report.
 */
export default function DataPage() {
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);
  const [attempts, setAttempts] = useState<Report[]>([]);
  const [error, setError] = useState("");
  const [uploadShare, setUploadShare] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [acceptValid, setAcceptValid] = useState(false);
  /** the snapshot just imported: the compute panel asks before a step back to it */
  const [imported, setImported] = useState<string | null>(null);
  const use = useSnapshotInUse(snapshots);
  const filesRef = useRef<HTMLInputElement>(null);
  const profileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(async () => {
    try {
      const [s, a] = await Promise.all([
        apiGet<{ snapshots: Snapshot[] }>("/snapshots"),
        apiGet<{ reports: Report[] }>("/imports"),
      ]);
      setSnapshots(s.snapshots);
      setAttempts(a.reports);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    document.title = "Data – Effektspor";
    refresh();
  }, [refresh]);

  const showReport = async (id: number) => {
    try {
      const r = await apiGet<{ report: Report }>(`/imports/${id}`);
      setReport(r.report);
      setTimeout(() => reportRef.current?.focus(), 0);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const showSnapshotReport = async (id: string) => {
    try {
      const r = await apiGet<{ report: Report | null }>(`/snapshots/${encodeURIComponent(id)}`);
      if (r.report) await showReport(r.report.id);
      else setError(`Snapshot ${id} har ingen gemt valideringsrapport`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const poll = async (id: string) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const { job: current } = await apiGet<{ job: ImportJob }>(`/import-jobs/${id}`);
      setJob(current);
      if (current.state !== "running") return current;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    setReport(null);
    setImported(null);
    const files = filesRef.current?.files;
    if (!files || files.length === 0) {
      setError("Vælg filerne fra udtrækket først");
      return;
    }
    const form = new FormData();
    for (const f of Array.from(files)) form.append("files", f, f.name);
    const profile = profileRef.current?.files?.[0];
    if (profile) form.append("profile", profile, profile.name);
    if (acceptValid) form.append("acceptValidRows", "true");
    try {
      setUploadShare(0);
      const started = await upload(form, setUploadShare);
      setUploadShare(null);
      setJob(started.job);
      const done = await poll(started.job.id);
      if (done.state === "failed") setError(done.error ?? "Importen mislykkedes");
      else if (done.result) {
        if (done.result.outcome === "imported" && done.result.snapshotId) setImported(done.result.snapshotId);
        await showReport(done.result.reportId);
      }
      await refresh();
    } catch (err) {
      setUploadShare(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const progress = job?.state === "running" ? job.progress : null;
  const readShare = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : null;

  return (
    <section>
      <h1>Data</h1>
      <p className="muted">
        Importér månedens udtræk fra fagsystemet: personer, ydelsesforløb, tilbud, løntimer og markeringer
        (CSV eller XLSX), eventuelt refusionsfiler (yr-ydelsesrefusion-beregning*.csv) og manifest.json. Hver
        række valideres; CPR-numre pseudonymiseres, før noget gemmes. Med fejl oprettes intet snapshot,
        medmindre du vælger at importere de gyldige rækker.
      </p>

      <section className="card" aria-labelledby="data-in-use-heading">
        <h2 id="data-in-use-heading">Snapshot i brug</h2>
        <p>{use ? <SnapshotInUseText use={use} /> : use === null ? "Kunne ikke hentes." : "Henter …"}</p>
      </section>

      <Can action="import">
        <form className="card" onSubmit={submit}>
          <h2>Importér udtræk</h2>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="data-files">Filer fra udtrækket</label>
              <input id="data-files" ref={filesRef} type="file" multiple accept=".csv,.xlsx,.json" required />
            </div>
            <div className="field">
              <label htmlFor="data-profile">Mappingprofil (valgfri, YAML)</label>
              <input id="data-profile" ref={profileRef} type="file" accept=".yaml,.yml" />
            </div>
          </div>
          <label className="check">
            <input type="checkbox" checked={acceptValid} onChange={(e) => setAcceptValid(e.target.checked)} />{" "}
            Importér de gyldige rækker, selv om nogle rækker har fejl (fejlene gemmes med snapshottet)
          </label>
          <div className="toolbar">
            <button type="submit" disabled={uploadShare !== null || job?.state === "running"}>
              Importér
            </button>
          </div>
          <div aria-live="polite">
            {uploadShare !== null && (
              <p>
                <label htmlFor="data-upload-progress">Uploader filerne </label>
                <progress id="data-upload-progress" max={1} value={uploadShare} />{" "}
                {Math.round(uploadShare * 100)} %
              </p>
            )}
            {progress && (
              <p>
                <label htmlFor="data-import-progress">
                  {PHASES[progress.phase]}
                  {progress.file ? ` ${progress.file}` : ""}{" "}
                </label>
                <progress id="data-import-progress" max={1} value={readShare ?? undefined} />{" "}
                {countText(progress.rows, "række", "rækker")}
              </p>
            )}
            {job?.state === "done" && job.result && <p role="status">{job.result.message}</p>}
          </div>
        </form>
      </Can>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {report && (
        <section className="card" aria-labelledby="data-report-heading">
          <h2 id="data-report-heading" ref={reportRef} tabIndex={-1}>
            Valideringsrapport{" "}
            {report.snapshotId ? `for snapshot ${report.snapshotId}` : `(import ${report.id})`}
          </h2>
          <ReportView report={report} />
        </section>
      )}

      <Can action="compute">
        <ComputePanel candidate={imported} onFinished={() => refresh()} />
      </Can>

      <h2>Snapshots</h2>
      <DataTable<Snapshot>
        caption="Importerede snapshots, nyeste først"
        rows={snapshots}
        rowKey={(s) => s.id}
        empty="Ingen snapshots endnu"
        columns={[
          { key: "date", header: "Udtræksdato", rowHeader: true, text: (s) => formatDate(s.extractionDate) },
          { key: "source", header: "Kilde", text: (s) => s.source },
          { key: "persons", header: "Personer", numeric: true, text: (s) => formatNumber(s.personCount) },
          ...TABLES.map(([key, header]) => ({
            key,
            header,
            numeric: true,
            text: (s: Snapshot) => formatNumber(s.counts[key] ?? 0),
          })),
          {
            key: "rejected",
            header: "Afviste rækker",
            numeric: true,
            text: (s) => formatNumber(s.rejectedRows),
          },
          { key: "by", header: "Importeret af", text: (s) => s.importedBy },
          { key: "at", header: "Importeret", text: (s) => formatTime(s.createdAt) },
          {
            key: "status",
            header: "Status",
            text: (s) =>
              `${s.status === "complete" ? "Komplet" : "Persondata slettet"}${use?.inUse?.id === s.id ? " · i brug" : ""}`,
          },
          {
            key: "report",
            header: "Rapport",
            text: () => "",
            render: (s) => (
              <button type="button" className="secondary" onClick={() => showSnapshotReport(s.id)}>
                Vis rapport<span className="visually-hidden"> for snapshot {s.id}</span>
              </button>
            ),
          },
        ]}
      />

      <h2>Seneste importforsøg</h2>
      <DataTable<Report>
        caption="Importforsøg, også afviste"
        rows={attempts}
        rowKey={(r) => String(r.id)}
        empty="Ingen importforsøg endnu"
        columns={[
          { key: "at", header: "Tidspunkt", rowHeader: true, text: (r) => formatTime(r.createdAt) },
          { key: "outcome", header: "Udfald", text: (r) => OUTCOMES[r.outcome] },
          { key: "message", header: "Besked", text: (r) => r.summary.message ?? "" },
          { key: "by", header: "Af", text: (r) => r.importedBy },
          {
            key: "report",
            header: "Rapport",
            text: () => "",
            render: (r) => (
              <button type="button" className="secondary" onClick={() => showReport(r.id)}>
                Vis rapport<span className="visually-hidden"> for importforsøg {r.id}</span>
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
