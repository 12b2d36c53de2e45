// One question as officers work on it: what was asked and by whom, the triage (number, category,
// sub-heading, visibility, assignee), similar earlier questions with their answers, the draft answer
// with its references, and the second officer's approval.
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { allows } from "../../../src/platform/policy.ts";
import { api } from "../api.ts";
import { formatMoment } from "../dates.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { type Assignee, qaApi } from "./api.ts";
import { StatusLabel } from "./common.tsx";
import { Approval, DraftEditor } from "./Drafting.tsx";
import { References } from "./Published.tsx";
import { SimilarQuestions } from "./SimilarQuestions.tsx";
import { AssignForm, TriageForm } from "./Triage.tsx";

export function QuestionPage(): ReactElement {
  const { user } = useMe();
  return allows(user.role, "qa:work") ? <QuestionView /> : <NotFound />;
}

function QuestionView(): ReactElement {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const { questionId = "" } = useParams();
  const triages = allows(user.role, "qa:triage");
  const [data, { reload, set }] = useResource(async () => {
    const question = await qaApi.question(questionId);
    const [tender, overview, all, assignees] = await Promise.all([
      api.tender(question.tenderId),
      qaApi.overview(question.tenderId),
      qaApi.questions(question.tenderId),
      triages ? qaApi.assignees(question.tenderId).catch(() => ({ assignees: [] as Assignee[] })) : { assignees: [] },
    ]);
    return { question, tender, overview, all: all.questions, assignees: assignees.assignees };
  }, [questionId, triages]);
  const number = data.status === "ready" ? data.data.question.number : null;
  usePageTitle(number !== null ? t("qa.question", { number }) : t("qa.detail.unnumbered"));

  if (data.status !== "ready") return <Pending resource={data} title={t("qa.detail.unnumbered")} onRetry={reload} />;
  const { question: q, tender, overview, all, assignees } = data.data;
  const replace = (question: typeof q) => set({ ...data.data, question });
  const lot = tender.lots.find((l) => l.id === q.lotId);
  const assignee = q.assigneeId === user.id ? t("qa.work.me") : assignees.find((a) => a.id === q.assigneeId)?.name;
  return (
    <>
      <Paragraph>
        <AppLink to={`/tenders/${tender.id}/qa/work`}>{t("qa.detail.back", { name: tender.name })}</AppLink>
      </Paragraph>
      <Heading1>{q.number !== null ? t("qa.question", { number: q.number }) : t("qa.detail.unnumbered")}</Heading1>
      <section aria-labelledby="asked-heading" className="zk-section zk-panel">
        <Heading2 id="asked-heading">{t("qa.detail.asked")}</Heading2>
        <p className="zk-prewrap">{q.text}</p>
        <DataList className="zk-facts">
          <DataListItem>
            <DataListKey>{t("qa.mine.state")}</DataListKey>
            <DataListValue>
              <StatusLabel status={q.status} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("qa.work.asker")}</DataListKey>
            <DataListValue>
              {q.askerOrganisationName ?? t("qa.work.imported")}, {formatMoment(q.askedAt, i18n.language)}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("qa.ask.documentRef")}</DataListKey>
            <DataListValue>{q.documentRef ?? "—"}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("qa.ask.lot")}</DataListKey>
            <DataListValue>{lot?.name ?? "—"}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("qa.work.assignee")}</DataListKey>
            <DataListValue>{assignee ?? "—"}</DataListValue>
          </DataListItem>
          {q.roundNumber !== null ? (
            <DataListItem>
              <DataListKey>{t("qa.rounds.round")}</DataListKey>
              <DataListValue>{t("qa.work.inRound", { number: q.roundNumber })}</DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
        {q.answer ? (
          <>
            <p className="zk-prewrap">
              <strong>{t("qa.answerLabel")}</strong> {q.answer}
            </p>
            {q.reservation ? <p className="zk-tag">{t("qa.reservation")}</p> : null}
            <References references={q.references} />
          </>
        ) : null}
      </section>
      {triages && ["new", "assigned", "drafted"].includes(q.status) ? (
        <>
          <TriageForm question={q} nextNumber={overview.nextNumber} lots={tender.lots} onSaved={replace} />
          <AssignForm question={q} assignees={assignees} onSaved={replace} />
        </>
      ) : null}
      {allows(user.role, "qa:draft") && ["new", "assigned", "drafted"].includes(q.status) ? (
        <>
          <SimilarQuestions question={q} onReferred={replace} />
          <DraftEditor question={q} all={all} onSaved={replace} />
        </>
      ) : null}
      {allows(user.role, "qa:approve") ? <Approval question={q} onChanged={replace} /> : null}
    </>
  );
}
