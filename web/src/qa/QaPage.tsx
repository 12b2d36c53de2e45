// "Vragen en antwoorden": a tender's question deadline and published rounds for everyone; for a
// provider also its own questions with their state, asking one and asking many from the template.
import {
  Alert,
  Button,
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
import { type FormEvent, type ReactElement, useRef, useState } from "react";
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
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { type MyQuestion, type QaOverview, qaApi } from "./api.ts";
import { Notice, QuestionDeadline, qaRefusal, qaRefused } from "./common.tsx";
import { PublishedRounds, References } from "./Published.tsx";

export function QaPage(): ReactElement {
  const { t } = useTranslation();
  const { user } = useMe();
  const { tenderId = "" } = useParams();
  const asks = allows(user.role, "qa:ask");
  const [data, { reload, set }] = useResource(() => loadPage(tenderId, asks), [tenderId, asks]);
  // After a change the page refreshes in place, so that its messages stay on screen.
  const refresh = () => void loadPage(tenderId, asks).then(set, reload);
  usePageTitle(data.status === "ready" ? t("qa.title", { name: data.data.tender.name }) : t("qa.nav.qa"));

  if (data.status !== "ready") return <Pending resource={data} title={t("qa.nav.qa")} onRetry={reload} />;
  const { tender, overview, published, mine } = data.data;
  return (
    <>
      <Heading1>{t("qa.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("qa.intro")}</Paragraph>
      <section aria-labelledby="deadline-heading" className="zk-section zk-panel">
        <Heading2 id="deadline-heading">{t("qa.deadline.title")}</Heading2>
        <QuestionDeadline closeAt={overview.questionsCloseAt} serverTime={overview.serverTime} />
        {allows(user.role, "qa:work") ? (
          <Paragraph>
            <AppLink to={`/tenders/${tender.id}/qa/work`}>{t("qa.work.link")}</AppLink>
          </Paragraph>
        ) : null}
      </section>
      {asks ? <Asking tender={tender} overview={overview} mine={mine} onChanged={refresh} /> : null}
      <PublishedRounds tenderId={tender.id} rounds={overview.rounds} questions={published} />
    </>
  );
}

async function loadPage(tenderId: string, asks: boolean) {
  const [tender, overview, published, mine] = await Promise.all([
    api.tender(tenderId),
    qaApi.overview(tenderId),
    qaApi.published(tenderId),
    asks ? qaApi.mine(tenderId) : Promise.resolve({ questions: [] }),
  ]);
  return { tender, overview, published: published.questions, mine: mine.questions };
}

function Asking(props: { tender: Tender; overview: QaOverview; mine: MyQuestion[]; onChanged(): void }): ReactElement {
  const { t } = useTranslation();
  const [notice, setNotice] = useState("");
  const changed = (message: string) => {
    setNotice(message);
    props.onChanged();
  };
  return (
    <>
      <Notice message={notice} />
      {props.overview.askingOpen ? (
        <>
          <AskForm tender={props.tender} onAsked={() => changed(t("qa.ask.done"))} />
          <BulkAsk tenderId={props.tender.id} onAsked={(count) => changed(t("qa.bulk.done", { count }))} />
        </>
      ) : (
        <Alert type="info">
          <Paragraph>
            {props.overview.questionsCloseAt ? t("qa.ask.closedNote") : t("qa.rules.questions_not_open")}
          </Paragraph>
        </Alert>
      )}
      <MyQuestions questions={props.mine} />
    </>
  );
}

const ASK_FIELDS = ["text", "documentRef", "lotId"] as const;

function AskForm(props: { tender: Tender; onAsked(): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [documentRef, setDocumentRef] = useState("");
  const [lotId, setLotId] = useState("");
  const { busy, errors, formError, setErrors, run } = useFormAction(ASK_FIELDS, {
    onRefused: qaRefused(t, i18n.language),
  });

  const send = run(async () => {
    await qaApi.ask(props.tender.id, {
      text: text.trim(),
      ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}),
      ...(lotId ? { lotId } : {}),
    });
    setText("");
    setDocumentRef("");
    setLotId("");
    props.onAsked();
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Not useFormAction's check, which clears the form's message: a missing text leaves the last
    // refusal standing.
    if (!text.trim()) {
      setErrors({ text: t("qa.ask.textMissing") });
      return;
    }
    await send();
  }

  return (
    <section aria-labelledby="ask-heading" className="zk-section">
      <Heading2 id="ask-heading">{t("qa.ask.title")}</Heading2>
      <Paragraph>{t("qa.ask.intro")}</Paragraph>
      <form className="zk-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormError message={formError} />
        <TextAreaField id="qa-text" label={t("qa.ask.text")} value={text} onChange={setText} error={errors.text} />
        <TextField
          id="qa-document-ref"
          label={t("qa.ask.documentRef")}
          description={t("qa.ask.documentRefHint")}
          value={documentRef}
          onChange={setDocumentRef}
          error={errors.documentRef}
        />
        {props.tender.lots.length > 0 ? (
          <SelectField
            id="qa-lot"
            label={t("qa.ask.lot")}
            value={lotId}
            onChange={setLotId}
            placeholder={t("qa.ask.noLot")}
            options={props.tender.lots.map((lot) => ({ value: lot.id, label: lot.name }))}
            error={errors.lotId}
          />
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("qa.ask.submit")}
        </Button>
      </form>
    </section>
  );
}

function BulkAsk(props: { tenderId: string; onAsked(count: number): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t("qa.bulk.fileMissing"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await qaApi.askMany(props.tenderId, file);
      if (input.current) input.current.value = "";
      props.onAsked(result.questions.length);
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="bulk-heading" className="zk-section">
      <Heading2 id="bulk-heading">{t("qa.bulk.title")}</Heading2>
      <Paragraph>{t("qa.bulk.intro")}</Paragraph>
      <Paragraph>
        <a href={qaApi.templateUrl(props.tenderId)} download>
          {t("qa.bulk.template")}
        </a>
      </Paragraph>
      <form className="zk-form" noValidate onSubmit={(e) => void upload(e)}>
        <FormError message={error} />
        <div className="zk-field">
          <label htmlFor="qa-bulk-file" className="utrecht-form-label">
            {t("qa.bulk.file")}
          </label>
          <input
            ref={input}
            id="qa-bulk-file"
            type="file"
            className="zk-file-input zk-block"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t("qa.bulk.submit")}
        </Button>
      </form>
    </section>
  );
}

function MyQuestions({ questions }: { questions: MyQuestion[] }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="mine-heading" className="zk-section">
      <Heading2 id="mine-heading">{t("qa.mine.title")}</Heading2>
      {questions.length === 0 ? (
        <Paragraph>{t("qa.mine.none")}</Paragraph>
      ) : (
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption>{t("qa.mine.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("qa.mine.asked")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.mine.question")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.mine.state")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.mine.answer")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {questions.map((q) => (
                <TableRow key={q.id}>
                  <TableCell className="zk-nowrap">{formatMoment(q.askedAt, i18n.language)}</TableCell>
                  <TableCell>
                    <span className="zk-prewrap">{q.text}</span>
                    {q.documentRef ? <span className="zk-muted zk-block">{q.documentRef}</span> : null}
                  </TableCell>
                  <TableCell>
                    {t(`qa.mineStatus.${q.status}`)}
                    {q.number !== null ? (
                      <span className="zk-block">
                        {t("qa.mine.numbered", { number: q.number, round: q.roundNumber ?? "" })}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {q.answer ? <span className="zk-prewrap">{q.answer}</span> : <span className="zk-muted">—</span>}
                    {q.reservation ? <span className="zk-tag zk-block">{t("qa.reservation")}</span> : null}
                    <References references={q.references} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
