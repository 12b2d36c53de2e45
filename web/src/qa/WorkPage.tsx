// The officers' Q&A work on one tender: the questions with filters by status, category and assignee;
// for procurement officers also the rounds, the question deadline and the import of an earlier list.
import {
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { allows } from "../../../src/platform/policy.ts";
import { api } from "../api.ts";
import { SelectField } from "../forms.tsx";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { type Assignee, type QaQuestion, type QuestionStatus, qaApi } from "./api.ts";
import { StatusLabel } from "./common.tsx";
import { ImportPanel } from "./ImportPanel.tsx";
import { Rounds } from "./Rounds.tsx";
import { SettingsForm } from "./SettingsForm.tsx";

const STATUSES: QuestionStatus[] = ["new", "assigned", "drafted", "approved", "published", "answered", "withdrawn"];

export function WorkPage(): ReactElement {
  const { user } = useMe();
  return allows(user.role, "qa:work") ? <WorkView /> : <NotFound />;
}

function WorkView(): ReactElement {
  const { t } = useTranslation();
  const { user } = useMe();
  const { tenderId = "" } = useParams();
  const triages = allows(user.role, "qa:triage");
  const [data, { reload, set }] = useResource(() => loadWork(tenderId, triages), [tenderId, triages]);
  // After a change the page refreshes in place, so that its messages stay on screen.
  const refresh = () => void loadWork(tenderId, triages).then(set, reload);
  usePageTitle(data.status === "ready" ? t("qa.work.title", { name: data.data.tender.name }) : t("qa.nav.work"));

  if (data.status !== "ready") return <Pending resource={data} title={t("qa.nav.work")} onRetry={reload} />;
  const { tender, overview, questions, assignees } = data.data;
  return (
    <>
      <Heading1>{t("qa.work.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("qa.work.intro")}</Paragraph>
      {overview.counts ? (
        <Paragraph>
          {STATUSES.filter((s) => s !== "withdrawn")
            .map(
              (s) =>
                `${t(`qa.status.${s}`)}: ${overview.counts?.[s as keyof NonNullable<typeof overview.counts>] ?? 0}`,
            )
            .join(" · ")}
        </Paragraph>
      ) : null}
      <QuestionList questions={questions} assignees={assignees} />
      {triages ? (
        <>
          <Rounds tenderId={tender.id} overview={overview} onChanged={refresh} />
          <SettingsForm tenderId={tender.id} overview={overview} onSaved={refresh} />
          <ImportPanel tenderId={tender.id} onImported={refresh} />
        </>
      ) : null}
    </>
  );
}

async function loadWork(tenderId: string, triages: boolean) {
  const [tender, overview, questions, assignees] = await Promise.all([
    api.tender(tenderId),
    qaApi.overview(tenderId),
    qaApi.questions(tenderId),
    triages ? qaApi.assignees(tenderId).catch(() => ({ assignees: [] as Assignee[] })) : { assignees: [] },
  ]);
  return { tender, overview, questions: questions.questions, assignees: assignees.assignees };
}

function QuestionList(props: { questions: QaQuestion[]; assignees: Assignee[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const [status, setStatus] = useState("open");
  const [category, setCategory] = useState("");
  const [assignee, setAssignee] = useState("");
  const categories = [...new Set(props.questions.map((q) => q.category).filter((c): c is string => Boolean(c)))];
  const nameOf = (id: string | null) =>
    id === null ? "—" : id === user.id ? t("qa.work.me") : (props.assignees.find((a) => a.id === id)?.name ?? "…");
  const assigneeIds = [...new Set(props.questions.map((q) => q.assigneeId).filter((a): a is string => Boolean(a)))];
  const shown = props.questions.filter(
    (q) =>
      (status === "" ||
        (status === "open" ? ["new", "assigned", "drafted", "approved"].includes(q.status) : q.status === status)) &&
      (category === "" || q.category === category) &&
      (assignee === "" || q.assigneeId === assignee),
  );
  return (
    <section aria-labelledby="questions-heading" className="zk-section">
      <Heading2 id="questions-heading">{t("qa.work.questions")}</Heading2>
      <div className="zk-form-row">
        <SelectField
          id="filter-status"
          label={t("qa.work.filterStatus")}
          value={status}
          onChange={setStatus}
          options={[
            { value: "open", label: t("qa.work.open") },
            { value: "", label: t("qa.work.all") },
            ...STATUSES.map((s) => ({ value: s, label: t(`qa.status.${s}`) })),
          ]}
        />
        <SelectField
          id="filter-category"
          label={t("qa.work.filterCategory")}
          value={category}
          onChange={setCategory}
          placeholder={t("qa.work.all")}
          options={categories.map((c) => ({ value: c, label: c }))}
        />
        <SelectField
          id="filter-assignee"
          label={t("qa.work.filterAssignee")}
          value={assignee}
          onChange={setAssignee}
          placeholder={t("qa.work.all")}
          options={assigneeIds.map((id) => ({ value: id, label: nameOf(id) }))}
        />
      </div>
      <p role="status" className="zk-hint">
        {t("qa.work.shown", { count: shown.length, total: props.questions.length })}
      </p>
      {shown.length > 0 ? (
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption>{t("qa.work.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("qa.work.number")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.mine.question")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.work.category")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.mine.state")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.work.assignee")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.work.asker")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((q) => (
                <TableRow key={q.id}>
                  <TableCell className="zk-numeric">
                    {q.number ?? "—"}
                    {q.roundNumber !== null ? (
                      <span className="zk-muted zk-block">{t("qa.work.inRound", { number: q.roundNumber })}</span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <AppLink to={`/qa/questions/${q.id}`}>{excerpt(q.text)}</AppLink>
                    <span className="zk-muted zk-block">{formatAsked(q.askedAt, i18n.language)}</span>
                  </TableCell>
                  <TableCell>{q.category ?? "—"}</TableCell>
                  <TableCell>
                    <StatusLabel status={q.status} />
                    {q.visibility === "private" ? (
                      <span className="zk-muted zk-block">{t("qa.work.private")}</span>
                    ) : null}
                  </TableCell>
                  <TableCell>{nameOf(q.assigneeId)}</TableCell>
                  <TableCell>{q.askerOrganisationName ?? t("qa.work.imported")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

export const excerpt = (text: string, length = 140) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

const formatAsked = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
