// The published rounds (Nota van Inlichtingen 1, 2, …) as everyone reads them: per round its
// questions grouped by category and sub-heading, each answer's references as links to the referred
// question, and the round as a PDF, Word or Markdown document.
import { Heading2, Heading3, Heading4, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { formatMoment } from "../dates.ts";
import "./qa.css";
import { type ExportFormat, type PublicQuestion, type QaRound, qaApi } from "./api.ts";

/** The anchor of a question on the page; references point at it. */
export const questionAnchor = (questionId: string) => `vraag-${questionId}`;

const FORMATS: ExportFormat[] = ["pdf", "docx", "md"];

interface Group {
  category: string | null;
  subheadings: { subheading: string | null; questions: PublicQuestion[] }[];
}

/** Questions by category, then sub-heading, in the order they come (the server's reading order). */
function groups(questions: PublicQuestion[]): Group[] {
  const result: Group[] = [];
  for (const q of questions) {
    let group = result.find((g) => g.category === q.category);
    if (!group) {
      group = { category: q.category, subheadings: [] };
      result.push(group);
    }
    let sub = group.subheadings.find((s) => s.subheading === q.subheading);
    if (!sub) {
      sub = { subheading: q.subheading, questions: [] };
      group.subheadings.push(sub);
    }
    sub.questions.push(q);
  }
  return result;
}

export function PublishedRounds(props: {
  tenderId: string;
  rounds: QaRound[];
  questions: PublicQuestion[];
}): ReactElement {
  const { t } = useTranslation();
  const published = props.rounds.filter((r) => r.publishedAt);
  return (
    <section aria-labelledby="published-heading" className="zk-section">
      <Heading2 id="published-heading">{t("qa.published.title")}</Heading2>
      {published.length === 0 ? <Paragraph>{t("qa.published.none")}</Paragraph> : null}
      {published.map((round) => (
        <RoundView
          key={round.id}
          tenderId={props.tenderId}
          round={round}
          questions={props.questions.filter((q) => q.roundNumber === round.number)}
        />
      ))}
    </section>
  );
}

function RoundView(props: { tenderId: string; round: QaRound; questions: PublicQuestion[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const { round } = props;
  const headingId = `round-${round.number}-heading`;
  return (
    <section aria-labelledby={headingId} className="zk-section zk-qa-round">
      <Heading3 id={headingId}>{round.title}</Heading3>
      <Paragraph className="zk-muted">
        {t("qa.published.facts", {
          moment: round.publishedAt ? formatMoment(round.publishedAt, i18n.language) : "",
          count: props.questions.length,
        })}
      </Paragraph>
      <ul className="zk-qa-downloads" aria-label={t("qa.published.downloads", { title: round.title })}>
        {FORMATS.map((format) => (
          <li key={format}>
            <a href={qaApi.exportUrl(props.tenderId, round.number, format)} download>
              {t(`qa.published.download.${format}`)}
              <span className="zk-visually-hidden"> {round.title}</span>
            </a>
          </li>
        ))}
      </ul>
      {groups(props.questions).map((group) => (
        <div key={group.category ?? ""} className="zk-qa-category">
          <Heading4>{group.category ?? t("qa.published.noCategory")}</Heading4>
          {group.subheadings.map((sub) => (
            <div key={sub.subheading ?? ""}>
              {sub.subheading ? <p className="zk-qa-subheading">{sub.subheading}</p> : null}
              {sub.questions.map((q) => (
                <QuestionView key={q.id} question={q} />
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

export function QuestionView({ question: q }: { question: PublicQuestion }): ReactElement {
  const { t } = useTranslation();
  return (
    <article id={questionAnchor(q.id)} className="zk-answer" aria-label={t("qa.question", { number: q.number })}>
      <p className="zk-answer__title">
        <strong>{t("qa.question", { number: q.number })}</strong>
        {q.documentRef ? <span className="zk-muted"> — {q.documentRef}</span> : null}
      </p>
      <p className="zk-prewrap">{q.text}</p>
      <p className="zk-prewrap">
        <strong>{t("qa.answerLabel")}</strong> {q.answer}
      </p>
      {q.reservation ? <p className="zk-tag">{t("qa.reservation")}</p> : null}
      <References references={q.references} />
    </article>
  );
}

/** "Zie vraag N" as links to the referred questions' anchors. */
export function References({ references }: { references: PublicQuestion["references"] }): ReactElement | null {
  const { t } = useTranslation();
  if (references.length === 0) return null;
  return (
    <p>
      {t("qa.seeAlso")}{" "}
      {references.map((ref, index) => (
        <span key={ref.questionId}>
          {index > 0 ? ", " : ""}
          <a href={`#${questionAnchor(ref.questionId)}`}>{t("qa.questionRef", { number: ref.number })}</a>
        </span>
      ))}
    </p>
  );
}
