// The most similar earlier questions of the tender with their answers, and answering by reference
// ("Wij verwijzen u naar het antwoord op vraag N.") in one action.
import { Alert, Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useResource } from "../useResource.ts";
import { type QaQuestion, qaApi } from "./api.ts";
import { qaRefusal } from "./common.tsx";

export function SimilarQuestions(props: {
  question: QaQuestion;
  onReferred(question: QaQuestion): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const q = props.question;
  const [data] = useResource(() => qaApi.similar(q.tenderId, q.text, q.id), [q.tenderId, q.text, q.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function refer(questionId: string) {
    setBusy(questionId);
    setError(null);
    try {
      props.onReferred(await qaApi.refer(q.id, questionId));
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="similar-heading" className="zk-section">
      <Heading2 id="similar-heading">{t("qa.similar.title")}</Heading2>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {data.status === "loading" ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data.status === "error" ? <Paragraph>{t("qa.similar.failed", { message: data.message })}</Paragraph> : null}
      {data.status === "ready" && data.data.matches.length === 0 ? <Paragraph>{t("qa.similar.none")}</Paragraph> : null}
      {data.status === "ready" && data.data.matches.length > 0 ? (
        <ol className="zk-plain-list" aria-label={t("qa.similar.list")}>
          {data.data.matches.map((m) => (
            <li key={m.questionId} className="zk-answer">
              <p className="zk-answer__title">
                <strong>
                  {m.number !== null ? t("qa.question", { number: m.number }) : t("qa.detail.unnumbered")}
                </strong>
                <span className="zk-muted">
                  {" "}
                  — {t("qa.similar.score", { score: Math.round(m.score * 100) })}
                  {m.roundNumber !== null ? `, ${t("qa.work.inRound", { number: m.roundNumber })}` : ""}
                  {m.category ? `, ${m.category}` : ""}
                </span>
              </p>
              <p className="zk-prewrap">{m.text}</p>
              {m.answer ? (
                <p className="zk-prewrap">
                  <strong>{t("qa.answerLabel")}</strong> {m.answer}
                </p>
              ) : null}
              {m.number !== null && m.questionId !== q.id ? (
                <Button
                  appearance="secondary-action-button"
                  busy={busy === m.questionId}
                  disabled={busy !== null}
                  onClick={() => void refer(m.questionId)}
                >
                  {t("qa.similar.refer", { number: m.number })}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
