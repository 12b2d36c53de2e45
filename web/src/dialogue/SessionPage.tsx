// One dialogue session: its facts and, once published (staff: always), the report, the slides, the
// session's Q&A and the statements as charts. Officers see the attendance list and edit the report,
// documents and statements here, and publish after the session.
import {
  Button,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { allows } from "../../../src/platform/policy.ts";
import { api, type Tender } from "../api.ts";
import { formatMoment } from "../dates.ts";
import { FormError, SelectField, TextAreaField, TextField, useFormAction } from "../forms.tsx";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import {
  type Attendee,
  dialogueApi,
  dialogueRefusal,
  type PreviewStatement,
  type SessionDetail,
  type Statement,
  type StatementInput,
} from "./api.ts";
import { SessionForm } from "./SessionForm.tsx";
import { RegistrationForm, SessionFacts } from "./SessionsPage.tsx";
import { StatementCharts } from "./StatementChart.tsx";

export function SessionPage(): ReactElement {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const { user } = useMe();
  const officer = allows(user.role, "dialogue:edit");
  const [data, { reload, set }] = useResource(async () => {
    const session = await dialogueApi.session(sessionId);
    const [attendance, tender] = await Promise.all([
      allows(user.role, "dialogue:attendance") ? dialogueApi.attendance(sessionId) : null,
      // The tender's segments, for changing the session's audience.
      allows(user.role, "dialogue:edit") ? api.tender(session.tenderId) : null,
    ]);
    return { session, attendance, tender };
  }, [sessionId]);
  const [announcement, setAnnouncement] = useState("");
  usePageTitle(data.status === "ready" ? data.data.session.title : t("dialogue.nav"));

  if (data.status !== "ready") return <Pending resource={data} title={t("dialogue.nav")} onRetry={reload} />;
  const { session, attendance, tender } = data.data;
  const changed = async (message: string) => {
    set({
      session: await dialogueApi.session(sessionId),
      attendance: attendance ? await dialogueApi.attendance(sessionId) : null,
      tender,
    });
    setAnnouncement(message);
  };
  const visible = officer || session.publishedAt !== null;
  return (
    <>
      <Paragraph>
        <AppLink to={`/tenders/${session.tenderId}/sessions`}>{t("dialogue.back")}</AppLink>
      </Paragraph>
      <Heading1>
        {t(`dialogue.kinds.${session.kind}`)}: {session.title}
      </Heading1>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      {session.description ? <Paragraph lead>{session.description}</Paragraph> : null}
      <SessionFacts session={session} />
      {allows(user.role, "dialogue:register") && !session.cancelledAt && !session.publishedAt ? (
        <RegistrationForm session={session} onChanged={changed} />
      ) : null}

      <section aria-labelledby="report-heading" className="zk-section">
        <Heading2 id="report-heading">{t("dialogue.report")}</Heading2>
        {visible && session.report ? (
          session.report.split(/\n{2,}/).map((paragraph) => (
            <Paragraph key={paragraph} className="zk-prewrap">
              {paragraph}
            </Paragraph>
          ))
        ) : (
          <Paragraph>{t("dialogue.noReport")}</Paragraph>
        )}
      </section>

      {visible && session.documents.length > 0 ? (
        <section aria-labelledby="documents-heading" className="zk-section">
          <Heading2 id="documents-heading">{t("dialogue.documents")}</Heading2>
          <ul>
            {session.documents.map((d) => (
              <li key={d.id}>
                <a href={dialogueApi.documentUrl(d.id)} download>
                  {d.name}
                </a>
                {officer ? (
                  <DeleteButton
                    label={t("dialogue.officer.removeDocument", { name: d.name })}
                    action={() => dialogueApi.deleteDocument(d.id)}
                    done={t("dialogue.officer.documentRemoved")}
                    onChanged={changed}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {visible && session.questions.length > 0 ? (
        <section aria-labelledby="questions-heading" className="zk-section">
          <Heading2 id="questions-heading">{t("dialogue.questions")}</Heading2>
          <dl className="zk-qa">
            {session.questions.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the questions have no id; their order is fixed.
              <div key={i}>
                <dt>{q.question}</dt>
                <dd>{q.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {visible && session.statements.length > 0 ? (
        <section aria-labelledby="statements-heading" className="zk-section">
          <Heading2 id="statements-heading">{t("dialogue.statements")}</Heading2>
          <StatementCharts statements={session.statements} />
          {officer ? <StatementActions session={session} onChanged={changed} /> : null}
        </section>
      ) : null}

      {attendance ? <AttendanceTable sessionId={session.id} {...attendance} /> : null}
      {officer ? <OfficerPanels session={session} tender={tender} onChanged={changed} /> : null}
    </>
  );
}

/** Per statement: change it (the form opens in place) or remove it. */
function StatementActions(props: { session: SessionDetail; onChanged(message: string): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="zk-list zk-statement-actions">
      {props.session.statements.map((s, i) => (
        <li key={s.id}>
          {editing === s.id ? (
            <StatementForm
              session={props.session}
              statement={s}
              number={i + 1}
              onCancel={() => setEditing(null)}
              onChanged={async (message) => {
                setEditing(null);
                await props.onChanged(message);
              }}
            />
          ) : (
            <div className="zk-actions">
              <Button appearance="subtle-button" onClick={() => setEditing(s.id)}>
                {t("dialogue.officer.changeStatement", { n: String(i + 1) })}
              </Button>
              <DeleteButton
                label={t("dialogue.officer.removeStatement", { n: String(i + 1) })}
                action={() => dialogueApi.deleteStatement(s.id)}
                done={t("dialogue.officer.statementRemoved")}
                onChanged={props.onChanged}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function DeleteButton(props: {
  label: string;
  action(): Promise<unknown>;
  done: string;
  onChanged(message: string): Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        appearance="subtle-button"
        onClick={async () => {
          try {
            await props.action();
            await props.onChanged(props.done);
          } catch (e) {
            setError(dialogueRefusal(e, t));
          }
        }}
      >
        {props.label}
      </Button>
      <FormError message={error} />
    </>
  );
}

function AttendanceTable(props: { sessionId: string; attendees: Attendee[]; total: number }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="attendance-heading" className="zk-section">
      <Heading2 id="attendance-heading">
        {t("dialogue.officer.attendance")} ({t("dialogue.officer.attendanceTotal", { total: String(props.total) })})
      </Heading2>
      {props.attendees.length === 0 ? (
        <Paragraph>{t("dialogue.officer.noAttendees")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("dialogue.officer.attendance")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("dialogue.officer.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dialogue.officer.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dialogue.officer.email")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dialogue.attendees")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dialogue.officer.registeredAt")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.attendees.map((a) => (
              <TableRow key={a.email}>
                <TableCell>{a.organisationName}</TableCell>
                <TableCell>{a.userName}</TableCell>
                <TableCell>{a.email}</TableCell>
                <TableCell>{a.attendees}</TableCell>
                <TableCell>{formatMoment(a.registeredAt, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Paragraph>
        <a href={dialogueApi.attendanceCsvUrl(props.sessionId)} download>
          {t("dialogue.officer.csv")}
        </a>
      </Paragraph>
    </section>
  );
}

/** Questions typed as blocks: the first line the question, the lines below it the answer. */
function parseQuestions(text: string): { question: string; answer: string }[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [question = "", ...answer] = block.split("\n");
      return { question: question.trim(), answer: answer.join("\n").trim() };
    });
}

const factsKey = (s: SessionDetail) =>
  JSON.stringify([
    s.kind,
    s.title,
    s.description,
    s.segmentId,
    s.onDate,
    s.startsAt,
    s.endsAt,
    s.location,
    s.onlineUrl,
    s.capacity,
    s.registrationClosesAt,
  ]);

function OfficerPanels(props: {
  session: SessionDetail;
  tender: Tender | null;
  onChanged(message: string): Promise<void>;
}): ReactElement {
  const { session, tender, onChanged } = props;
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged(message);
    } catch (e) {
      setError(dialogueRefusal(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {tender && !session.cancelledAt && !session.publishedAt ? (
        // Keyed on the stored facts, so the form shows what was saved after a change of them, and
        // keeps what is being typed when another panel saves.
        <SessionForm key={factsKey(session)} tender={tender} session={session} onSaved={onChanged} />
      ) : null}
      <ReportForm session={session} onChanged={onChanged} />
      <UploadForm session={session} onChanged={onChanged} />
      <StatementForm session={session} onChanged={onChanged} />
      <ImportForm session={session} onChanged={onChanged} />
      {!session.cancelledAt ? (
        <section aria-labelledby="publish-heading" className="zk-section zk-panel">
          <Heading2 id="publish-heading">{t("dialogue.officer.publish")}</Heading2>
          <FormError message={error} />
          {!session.publishedAt ? (
            <>
              <Paragraph>{t("dialogue.officer.publishHint")}</Paragraph>
              <Button
                appearance="primary-action-button"
                busy={busy}
                disabled={busy}
                onClick={() => act(() => dialogueApi.publish(session.id), t("dialogue.officer.published"))}
              >
                {t("dialogue.officer.publish")}
              </Button>
            </>
          ) : (
            <Paragraph>{t("dialogue.published")}</Paragraph>
          )}
          {!session.publishedAt ? (
            <Button
              appearance="secondary-action-button"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t("dialogue.officer.cancelConfirm"))) {
                  void act(() => dialogueApi.cancel(session.id), t("dialogue.officer.cancelledDone"));
                }
              }}
            >
              {t("dialogue.officer.cancel")}
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

const REPORT_FIELDS = ["report", "questions"] as const;

function ReportForm(props: { session: SessionDetail; onChanged(message: string): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const { session } = props;
  const [report, setReport] = useState(session.report ?? "");
  const [questions, setQuestions] = useState(session.questions.map((q) => `${q.question}\n${q.answer}`).join("\n\n"));
  const { busy, errors, formError, run } = useFormAction(REPORT_FIELDS);
  const submit = run(async () => {
    await dialogueApi.saveReport(session.id, report, parseQuestions(questions));
    await props.onChanged(t("dialogue.officer.reportSaved"));
  });
  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby="report-form-heading">
      <Heading2 id="report-form-heading">{t("dialogue.officer.reportTitle")}</Heading2>
      <FormError message={formError} />
      <TextAreaField
        id="report-text"
        label={t("dialogue.officer.reportField")}
        value={report}
        onChange={setReport}
        error={errors.report}
        rows={8}
      />
      <TextAreaField
        id="report-questions"
        label={t("dialogue.officer.questionsField")}
        description={t("dialogue.officer.questionsHint")}
        value={questions}
        onChange={setQuestions}
        error={errors.questions}
        rows={6}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("dialogue.officer.saveReport")}
      </Button>
    </form>
  );
}

function FileInput(props: {
  id: string;
  label: string;
  accept: string;
  onFile(file: File | null): void;
}): ReactElement {
  return (
    <div className="zk-field">
      <label htmlFor={props.id} className="utrecht-form-label">
        {props.label}
      </label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        onChange={(event) => props.onFile(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}

function UploadForm(props: { session: SessionDetail; onChanged(message: string): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await dialogueApi.uploadDocument(props.session.id, file);
      await props.onChanged(t("dialogue.officer.uploaded"));
    } catch (e) {
      setError(dialogueRefusal(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby="upload-heading">
      <Heading2 id="upload-heading">{t("dialogue.documents")}</Heading2>
      <FormError message={error} />
      <FileInput
        id="session-document"
        label={t("dialogue.officer.upload")}
        accept=".pdf,.docx,.xlsx,.odt,.pptx,.odp,.png,.jpg,.jpeg"
        onFile={setFile}
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy || !file}>
        {t("dialogue.officer.upload")}
      </Button>
    </form>
  );
}

const STATEMENT_FIELDS = ["text", "kind", "agree", "disagree", "scaleCounts", "scaleAverage", "scaleCount"] as const;
type StatementField = (typeof STATEMENT_FIELDS)[number];

const EMPTY_STATEMENT: Record<StatementField, string> = {
  text: "",
  kind: "agree",
  agree: "",
  disagree: "",
  scaleCounts: "",
  scaleAverage: "",
  scaleCount: "",
};

const shown = (n: number | null) => (n === null ? "" : String(n));

function statementValues(s: Statement): Record<StatementField, string> {
  return {
    text: s.text,
    kind: s.kind,
    agree: shown(s.agree),
    disagree: shown(s.disagree),
    scaleCounts: s.scaleCounts ? s.scaleCounts.join(", ") : "",
    // With the five counts, the average and the count follow from them: left empty, so that a changed
    // count is not refused for disagreeing with the average it replaces.
    scaleAverage: s.scaleCounts ? "" : shown(s.scaleAverage),
    scaleCount: s.scaleCounts ? "" : shown(s.scaleCount),
  };
}

/** Adds a statement to the session, or, given `statement`, changes that one (figures and all). */
function StatementForm(props: {
  session: SessionDetail;
  statement?: Statement;
  /** The statement's number as the list shows it. */
  number?: number;
  onCancel?(): void;
  onChanged(message: string): Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const { statement } = props;
  const prefix = statement ? `statement-${statement.id}` : "statement";
  const [values, setValues] = useState(() => (statement ? statementValues(statement) : EMPTY_STATEMENT));
  const { busy, errors, formError, run } = useFormAction(STATEMENT_FIELDS, { idOf: (name) => `${prefix}-${name}` });
  const field = (name: StatementField) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });
  const num = (text: string) => (text.trim() === "" ? null : Number(text.replace(",", ".")));
  const submit = run(async () => {
    const counts = values.scaleCounts.trim()
      ? values.scaleCounts
          .split(/[;,\s]+/)
          .filter(Boolean)
          .map(Number)
      : null;
    const input: StatementInput =
      values.kind === "agree"
        ? { text: values.text, kind: "agree", agree: num(values.agree), disagree: num(values.disagree) }
        : {
            text: values.text,
            kind: "scale",
            scaleCounts: counts,
            scaleAverage: num(values.scaleAverage),
            scaleCount: num(values.scaleCount),
          };
    if (statement) {
      await dialogueApi.updateStatement(statement.id, input);
      await props.onChanged(t("dialogue.officer.statementChanged"));
    } else {
      await dialogueApi.addStatement(props.session.id, input);
      setValues(EMPTY_STATEMENT);
      await props.onChanged(t("dialogue.officer.statementAdded"));
    }
  });
  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby={`${prefix}-heading`}>
      {statement ? (
        <Heading3 id={`${prefix}-heading`}>
          {t("dialogue.officer.changeStatement", { n: String(props.number ?? statement.position + 1) })}
        </Heading3>
      ) : (
        <Heading2 id={`${prefix}-heading`}>{t("dialogue.officer.addStatement")}</Heading2>
      )}
      <FormError message={formError} />
      <TextAreaField {...field("text")} label={t("dialogue.statement")} rows={2} required />
      <SelectField
        {...field("kind")}
        label={t("dialogue.officer.kind")}
        options={[
          { value: "agree", label: t("dialogue.officer.kindAgree") },
          { value: "scale", label: t("dialogue.officer.kindScale") },
        ]}
      />
      {values.kind === "agree" ? (
        <>
          <TextField {...field("agree")} type="number" min={0} size="small" label={t("dialogue.agree")} />
          <TextField {...field("disagree")} type="number" min={0} size="small" label={t("dialogue.disagree")} />
        </>
      ) : (
        <>
          <TextField
            {...field("scaleCounts")}
            label={t("dialogue.officer.scaleCounts")}
            description={t("dialogue.officer.scaleCountsHint")}
          />
          <TextField {...field("scaleAverage")} size="small" label={t("dialogue.average")} />
          <TextField {...field("scaleCount")} type="number" min={0} size="small" label={t("dialogue.count")} />
        </>
      )}
      <div className="zk-actions">
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t(statement ? "dialogue.officer.saveStatement" : "dialogue.officer.addStatement")}
        </Button>
        {props.onCancel ? (
          <Button appearance="subtle-button" onClick={props.onCancel}>
            {t("dialogue.officer.cancelEdit")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function ImportForm(props: { session: SessionDetail; onChanged(message: string): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewStatement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(dialogueRefusal(e, t));
    } finally {
      setBusy(false);
    }
  };
  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void run(async () => setPreview((await dialogueApi.previewStatements(props.session.id, file)).statements));
  };
  const save = () =>
    run(async () => {
      if (!file) return;
      await dialogueApi.importStatements(props.session.id, file);
      setPreview(null);
      await props.onChanged(t("dialogue.officer.imported"));
    });
  return (
    <form noValidate onSubmit={showPreview} className="zk-form zk-panel zk-section" aria-labelledby="import-heading">
      <Heading2 id="import-heading">{t("dialogue.officer.importTitle")}</Heading2>
      <Paragraph>{t("dialogue.officer.importHint")}</Paragraph>
      <FormError message={error} />
      <FileInput
        id="statements-csv"
        label={t("dialogue.officer.file")}
        accept=".csv,text/csv"
        onFile={(f) => {
          setFile(f);
          setPreview(null);
        }}
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy || !file}>
        {t("dialogue.officer.preview")}
      </Button>
      {preview ? (
        <>
          <Table>
            <TableCaption>{t("dialogue.officer.preview")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("dialogue.statement")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("dialogue.agree")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("dialogue.disagree")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("dialogue.average")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("dialogue.count")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id yet.
                <TableRow key={i}>
                  <TableHeaderCell scope="row">{s.text}</TableHeaderCell>
                  <TableCell>{s.agree ?? "–"}</TableCell>
                  <TableCell>{s.disagree ?? "–"}</TableCell>
                  <TableCell>{s.scaleAverage ?? "–"}</TableCell>
                  <TableCell>{s.scaleCount ?? "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={save}>
            {t("dialogue.officer.importSave", { count: String(preview.length) })}
          </Button>
        </>
      ) : null}
    </form>
  );
}
