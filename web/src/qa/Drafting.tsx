// The draft answer (with "onder voorbehoud van besluitvorming" and references to other questions) and
// the second officer's part: approving (hidden for the one who drafted it; the server refuses anyway),
// sending it back with a reason, or withdrawing the question.
import { Alert, Button, ButtonGroup, Checkbox, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { allows } from "../../../src/platform/policy.ts";
import { FormError, SelectField, TextAreaField, useFormAction } from "../forms.tsx";
import { useMe } from "../session.tsx";
import { type QaQuestion, qaApi } from "./api.ts";
import { Notice, qaRefusal, qaRefused } from "./common.tsx";
import { excerpt } from "./WorkPage.tsx";

const FIELDS = ["answer", "references"] as const;

export function DraftEditor(props: {
  question: QaQuestion;
  all: QaQuestion[];
  onSaved(q: QaQuestion): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const q = props.question;
  const [answer, setAnswer] = useState(q.answer ?? "");
  const [reservation, setReservation] = useState(q.reservation);
  const [references, setReferences] = useState<string[]>(q.references.map((r) => r.questionId));
  const [pick, setPick] = useState("");
  const { busy, errors, formError, setErrors, run } = useFormAction(FIELDS, { onRefused: qaRefused(t, i18n.language) });
  const [saved, setSaved] = useState("");
  const [lastAnswer, setLastAnswer] = useState(q.answer);
  // An answer by reference, made elsewhere on the page, replaces what the editor shows.
  if (q.answer !== lastAnswer) {
    setLastAnswer(q.answer);
    setAnswer(q.answer ?? "");
    setReservation(q.reservation);
    setReferences(q.references.map((r) => r.questionId));
  }
  const numbered = props.all.filter((o) => o.number !== null && o.id !== q.id && o.status !== "withdrawn");
  const label = (id: string) => {
    const other = props.all.find((o) => o.id === id);
    return other
      ? `${t("qa.question", { number: other.number })}${other.roundNumber !== null ? ` (${t("qa.work.inRound", { number: other.roundNumber })})` : ""}`
      : id;
  };

  const send = run(async () => {
    const question = await qaApi.draft(q.id, { answer: answer.trim(), reservation, references });
    setSaved(t("qa.draft.saved"));
    setLastAnswer(question.answer);
    props.onSaved(question);
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    // Not useFormAction's check, which clears the form's message: a missing answer leaves the last
    // refusal and the last "saved" standing.
    if (!answer.trim()) {
      setErrors({ answer: t("qa.draft.answerMissing") });
      return;
    }
    setSaved("");
    await send();
  }

  return (
    <section aria-labelledby="draft-heading" className="zk-section">
      <Heading2 id="draft-heading">{t("qa.draft.title")}</Heading2>
      <form className="zk-form" noValidate onSubmit={(e) => void save(e)}>
        <FormError message={formError} />
        <TextAreaField
          id="qa-answer"
          label={t("qa.draft.answer")}
          value={answer}
          onChange={setAnswer}
          error={errors.answer}
          rows={6}
        />
        <div className="zk-checkbox">
          <Checkbox id="qa-reservation" checked={reservation} onChange={(e) => setReservation(e.target.checked)} />
          <label htmlFor="qa-reservation">{t("qa.draft.reservation")}</label>
        </div>
        <fieldset className={errors.references ? "zk-fieldset zk-fieldset--invalid" : "zk-fieldset"}>
          <legend className="zk-fieldset__legend">{t("qa.draft.references")}</legend>
          {errors.references ? <p className="zk-error-text">{errors.references}</p> : null}
          {references.length > 0 ? (
            <ul className="zk-plain-list" aria-label={t("qa.draft.chosen")}>
              {references.map((id) => (
                <li key={id}>
                  {label(id)}{" "}
                  <Button appearance="subtle-button" onClick={() => setReferences(references.filter((r) => r !== id))}>
                    {t("qa.draft.remove")}
                    <span className="zk-visually-hidden"> {label(id)}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="zk-hint">{t("qa.draft.noReferences")}</p>
          )}
          <SelectField
            id="qa-reference-pick"
            label={t("qa.draft.pick")}
            value={pick}
            onChange={setPick}
            placeholder={t("qa.draft.pickNone")}
            options={numbered
              .filter((o) => !references.includes(o.id))
              .map((o) => ({ value: o.id, label: `${label(o.id)}: ${excerpt(o.text, 80)}` }))}
          />
          <Button
            appearance="secondary-action-button"
            disabled={!pick}
            onClick={() => {
              setReferences([...references, pick]);
              setPick("");
            }}
          >
            {t("qa.draft.add")}
          </Button>
        </fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("qa.draft.save")}
        </Button>
        <Notice message={saved} />
      </form>
    </section>
  );
}

export function Approval(props: { question: QaQuestion; onChanged(q: QaQuestion): void }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const q = props.question;
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const drafter = q.draftedBy === user.id;
  const canReopen = ["drafted", "approved"].includes(q.status);
  const canWithdraw = allows(user.role, "qa:triage") && ["new", "assigned", "drafted", "approved"].includes(q.status);

  async function act(kind: "approve" | "reopen" | "withdraw") {
    if (kind !== "approve" && !reason.trim()) {
      setReasonError(t("qa.approve.reasonMissing"));
      return;
    }
    setBusy(kind);
    setError(null);
    setReasonError(undefined);
    setNotice("");
    try {
      const question =
        kind === "approve"
          ? await qaApi.approve(q.id)
          : kind === "reopen"
            ? await qaApi.reopen(q.id, reason.trim())
            : await qaApi.withdraw(q.id, reason.trim());
      setReason("");
      setNotice(t(`qa.approve.done.${question.status}`));
      props.onChanged(question);
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(null);
    }
  }

  if (!canReopen && !canWithdraw && q.status !== "drafted") {
    return notice ? <Notice message={notice} /> : null;
  }
  return (
    <section aria-labelledby="approve-heading" className="zk-section">
      <Heading2 id="approve-heading">
        {["drafted", "approved"].includes(q.status) ? t("qa.approve.title") : t("qa.approve.withdrawTitle")}
      </Heading2>
      <Notice message={notice} />
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {q.status === "drafted" ? (
        drafter ? (
          <Paragraph>{t("qa.approve.ownDraft")}</Paragraph>
        ) : (
          <>
            <Paragraph>
              {q.visibility === "private" ? t("qa.approve.privateIntro") : t("qa.approve.publicIntro")}
            </Paragraph>
            <Button
              appearance="primary-action-button"
              busy={busy === "approve"}
              disabled={busy !== null}
              onClick={() => void act("approve")}
            >
              {t("qa.approve.approve")}
            </Button>
          </>
        )
      ) : null}
      {canReopen || canWithdraw ? (
        <div className="zk-inline-form">
          <TextAreaField
            id="qa-reason"
            label={t("qa.approve.reason")}
            value={reason}
            onChange={setReason}
            error={reasonError}
            rows={2}
          />
          <ButtonGroup>
            {canReopen ? (
              <Button appearance="secondary-action-button" disabled={busy !== null} onClick={() => void act("reopen")}>
                {t("qa.approve.reopen")}
              </Button>
            ) : null}
            {canWithdraw ? (
              <Button appearance="subtle-button" disabled={busy !== null} onClick={() => void act("withdraw")}>
                {t("qa.approve.withdraw")}
              </Button>
            ) : null}
          </ButtonGroup>
        </div>
      ) : null}
    </section>
  );
}
