// The published rounds (Nota van Inlichtingen 1, 2, …) as everyone reads them: per round its
// questions grouped by category and sub-heading, each answer's references as links to the referred
// question, and the round as a PDF, Word or Markdown document. A search over all rounds (every word,
// case and accents aside, marked where found) and a category filter make a list of two hundred
// answers readable; following a link to a question the filter hides clears the filter.
import { Button, Heading2, Heading3, Heading4, Paragraph } from "@utrecht/component-library-react";
import { type ReactElement, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { markParts, matchesAll, searchWords } from "../../../src/qa/find.ts";
import { formatMoment } from "../dates.ts";
import { SelectField, TextField } from "../forms.tsx";
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

// The filter's value for questions without a category: no category name is only a space (names are trimmed).
const NO_CATEGORY = " ";

export function PublishedRounds(props: {
  tenderId: string;
  rounds: QaRound[];
  questions: PublicQuestion[];
}): ReactElement {
  const { t } = useTranslation();
  const published = props.rounds.filter((r) => r.publishedAt);
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const words = useMemo(() => searchWords(query), [query]);
  const filtering = words.length > 0 || category !== "";
  const shown = useMemo(
    () =>
      props.questions.filter(
        (q) =>
          (category === "" || (q.category ?? NO_CATEGORY) === category) &&
          matchesAll(
            [q.text, q.answer, q.category, q.subheading, q.documentRef, t("qa.question", { number: q.number })],
            words,
          ),
      ),
    [props.questions, words, category, t],
  );
  const categories = [...new Set(props.questions.map((q) => q.category ?? NO_CATEGORY))];
  const clear = () => {
    setQuery("");
    setCategory("");
  };

  // A link to a question the filter hides (a reference, "zie vraag 40"): show everything, then go there.
  useEffect(() => {
    const follow = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (id.startsWith("vraag-") && !document.getElementById(id)) {
        setQuery("");
        setCategory("");
        setPending(id);
      }
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  useEffect(() => {
    if (!pending || filtering) return;
    const target = document.getElementById(pending);
    target?.scrollIntoView();
    target?.focus();
    setPending(null);
  }, [pending, filtering]);

  return (
    <section aria-labelledby="published-heading" className="zk-section">
      <Heading2 id="published-heading">{t("qa.published.title")}</Heading2>
      {published.length === 0 ? <Paragraph>{t("qa.published.none")}</Paragraph> : null}
      {props.questions.length > 0 ? (
        <search className="zk-qa-find zk-panel" aria-label={t("qa.find.label")}>
          <TextField
            id="qa-find"
            type="search"
            label={t("qa.find.query")}
            description={t("qa.find.hint")}
            value={query}
            onChange={setQuery}
          />
          {categories.length > 1 ? (
            <SelectField
              id="qa-find-category"
              label={t("qa.find.category")}
              value={category}
              onChange={setCategory}
              options={[
                { value: "", label: t("qa.find.allCategories") },
                ...categories.map((c) => ({
                  value: c,
                  label: c === NO_CATEGORY ? t("qa.published.noCategory") : c,
                })),
              ]}
            />
          ) : null}
          <div className="zk-qa-find__result">
            <p role="status" aria-live="polite">
              {filtering ? t("qa.find.count", { count: shown.length, total: props.questions.length }) : ""}
            </p>
            {filtering ? (
              <Button appearance="subtle-button" onClick={clear}>
                {t("qa.find.clear")}
              </Button>
            ) : null}
          </div>
        </search>
      ) : null}
      {published.map((round) => {
        const all = props.questions.filter((q) => q.roundNumber === round.number);
        return (
          <RoundView
            key={round.id}
            tenderId={props.tenderId}
            round={round}
            total={all.length}
            questions={filtering ? shown.filter((q) => q.roundNumber === round.number) : all}
            words={words}
            filtering={filtering}
          />
        );
      })}
    </section>
  );
}

function RoundView(props: {
  tenderId: string;
  round: QaRound;
  total: number;
  questions: PublicQuestion[];
  words: string[];
  filtering: boolean;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { round } = props;
  const headingId = `round-${round.number}-heading`;
  return (
    <section aria-labelledby={headingId} className="zk-section zk-qa-round">
      <Heading3 id={headingId}>{round.title}</Heading3>
      <Paragraph className="zk-muted">
        {t("qa.published.facts", {
          moment: round.publishedAt ? formatMoment(round.publishedAt, i18n.language) : "",
          count: props.total,
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
      {props.filtering && props.questions.length === 0 ? (
        <Paragraph className="zk-muted">{t("qa.find.noneInRound")}</Paragraph>
      ) : null}
      {groups(props.questions).map((group) => (
        <div key={group.category ?? ""} className="zk-qa-category">
          <Heading4>{group.category ?? t("qa.published.noCategory")}</Heading4>
          {group.subheadings.map((sub) => (
            <div key={sub.subheading ?? ""}>
              {sub.subheading ? <p className="zk-qa-subheading">{sub.subheading}</p> : null}
              {sub.questions.map((q) => (
                <QuestionView key={q.id} question={q} words={props.words} />
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

/** The text with the searched words marked. */
function Marked({ text, words }: { text: string; words: readonly string[] }): ReactElement {
  return (
    <>
      {markParts(text, words).map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

export function QuestionView({
  question: q,
  words = [],
}: {
  question: PublicQuestion;
  words?: readonly string[];
}): ReactElement {
  const { t } = useTranslation();
  return (
    <article
      id={questionAnchor(q.id)}
      tabIndex={-1}
      className="zk-answer"
      aria-label={t("qa.question", { number: q.number })}
    >
      <p className="zk-answer__title">
        <strong>{t("qa.question", { number: q.number })}</strong>
        {q.documentRef ? <span className="zk-muted"> — {q.documentRef}</span> : null}
      </p>
      <p className="zk-prewrap">
        <Marked text={q.text} words={words} />
      </p>
      <p className="zk-prewrap">
        <strong>{t("qa.answerLabel")}</strong> <Marked text={q.answer ?? ""} words={words} />
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
