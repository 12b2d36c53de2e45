// Importing an earlier Nota van Inlichtingen (either seed layout): the file, a preview of what the
// server read (numbers, categories, references), and only then saving it as a published round.
import {
  Alert,
  Button,
  ButtonGroup,
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
import { formatMoment } from "../dates.ts";
import { FormError } from "../forms.tsx";
import { type ImportPreview, qaApi } from "./api.ts";
import { Notice, qaRefusal } from "./common.tsx";
import { excerpt } from "./WorkPage.tsx";

export function ImportPanel(props: { tenderId: string; onImported(): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");

  async function read(event: FormEvent) {
    event.preventDefault();
    const chosen = input.current?.files?.[0];
    setError(null);
    setNotice("");
    if (!chosen) {
      setError(t("qa.bulk.fileMissing"));
      return;
    }
    setBusy(true);
    try {
      setPreview(await qaApi.previewImport(props.tenderId, chosen));
      setFile(chosen);
    } catch (e) {
      setPreview(null);
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await qaApi.saveImport(props.tenderId, file);
      setNotice(
        "alreadyImported" in result
          ? t("qa.import.already", { round: result.roundNumber })
          : t("qa.import.saved", { count: result.created, round: result.roundNumber }),
      );
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = "";
      props.onImported();
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="zk-section">
      <Heading2 id="import-heading">{t("qa.import.title")}</Heading2>
      <Paragraph>{t("qa.import.intro")}</Paragraph>
      <Notice message={notice} />
      <form className="zk-form" noValidate onSubmit={(e) => void read(e)}>
        <FormError message={error} />
        <div className="zk-field">
          <label htmlFor="qa-import-file" className="utrecht-form-label">
            {t("qa.import.file")}
          </label>
          <input
            ref={input}
            id="qa-import-file"
            type="file"
            className="zk-file-input zk-block"
            accept=".txt,text/plain"
          />
        </div>
        <Button type="submit" appearance="secondary-action-button" busy={busy && !preview} disabled={busy}>
          {t("qa.import.preview")}
        </Button>
      </form>
      {preview ? (
        <div className="zk-section">
          <Paragraph>
            {t("qa.import.summary", {
              file: preview.fileName,
              count: preview.questions.length,
              references: preview.questions.reduce((n, q) => n + q.references.length, 0),
            })}
          </Paragraph>
          {preview.alreadyImported ? (
            <Alert type="warning">
              <Paragraph>
                {t("qa.import.alreadyNote", {
                  round: preview.alreadyImported.roundNumber,
                  moment: formatMoment(preview.alreadyImported.importedAt, i18n.language),
                })}
              </Paragraph>
            </Alert>
          ) : null}
          {preview.warnings.length > 0 ? (
            <ul aria-label={t("qa.import.warnings")}>
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <div className="zk-table-scroll">
            <Table className="zk-table zk-table--compact">
              <TableCaption>{t("qa.import.caption", { title: preview.title ?? preview.fileName })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("qa.work.number")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("qa.work.category")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("qa.mine.question")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("qa.mine.answer")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("qa.import.references")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.questions.map((q) => (
                  <TableRow key={`${q.number}-${q.question.slice(0, 20)}`}>
                    <TableCell className="zk-numeric">{q.number}</TableCell>
                    <TableCell>
                      {q.category ?? "—"}
                      {q.subheading ? <span className="zk-muted zk-block">{q.subheading}</span> : null}
                    </TableCell>
                    <TableCell>{excerpt(q.question)}</TableCell>
                    <TableCell>{q.answer ? excerpt(q.answer) : "—"}</TableCell>
                    <TableCell>{q.references.length > 0 ? q.references.join(", ") : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void save()}>
              {t("qa.import.save", { count: preview.questions.length })}
            </Button>
            <Button
              appearance="subtle-button"
              onClick={() => {
                setPreview(null);
                setFile(null);
              }}
            >
              {t("qa.rounds.cancel")}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </section>
  );
}
