// The rounds of a tender's Nota van Inlichtingen: a new round with its planned date, a changed date,
// and publishing, after a confirmation that says how many approved answers go out to every provider.
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
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatMoment } from "../dates.ts";
import { FormError, TextField, useFormAction } from "../forms.tsx";
import { type QaOverview, type QaRound, qaApi } from "./api.ts";
import { Notice, qaRefusal } from "./common.tsx";

export function Rounds(props: { tenderId: string; overview: QaOverview; onChanged(): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const { rounds, counts } = props.overview;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const approved = counts?.approved ?? 0;

  async function publish(round: QaRound) {
    setBusy(true);
    setError(null);
    try {
      const done = await qaApi.publishRound(round.id);
      setConfirming(null);
      setNotice(t("qa.rounds.published", { title: done.title, count: done.questionCount }));
      props.onChanged();
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rounds-heading" className="zk-section">
      <Heading2 id="rounds-heading">{t("qa.rounds.title")}</Heading2>
      <Paragraph>{t("qa.rounds.intro", { count: approved })}</Paragraph>
      <Notice message={notice} />
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {rounds.length > 0 ? (
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption>{t("qa.rounds.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("qa.rounds.round")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.rounds.plannedOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.rounds.publishedAt")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("qa.rounds.questions")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.actions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rounds.map((round) => (
                <TableRow key={round.id}>
                  <TableHeaderCell scope="row">{round.title}</TableHeaderCell>
                  <TableCell>{formatDate(round.plannedOn, i18n.language) ?? "—"}</TableCell>
                  <TableCell>{round.publishedAt ? formatMoment(round.publishedAt, i18n.language) : "—"}</TableCell>
                  <TableCell className="zk-numeric">{round.publishedAt ? round.questionCount : "—"}</TableCell>
                  <TableCell>
                    {round.publishedAt ? null : confirming === round.id ? (
                      <div className="zk-inline-form">
                        <Paragraph>{t("qa.rounds.confirm", { title: round.title, count: approved })}</Paragraph>
                        <ButtonGroup>
                          <Button
                            appearance="primary-action-button"
                            busy={busy}
                            disabled={busy || approved === 0}
                            onClick={() => void publish(round)}
                          >
                            {t("qa.rounds.confirmYes")}
                          </Button>
                          <Button appearance="subtle-button" onClick={() => setConfirming(null)}>
                            {t("qa.rounds.cancel")}
                          </Button>
                        </ButtonGroup>
                      </div>
                    ) : (
                      <div className="zk-row-actions">
                        <Button appearance="secondary-action-button" onClick={() => setConfirming(round.id)}>
                          {t("qa.rounds.publish")}
                          <span className="zk-visually-hidden"> {round.title}</span>
                        </Button>
                        <PlanForm round={round} onSaved={props.onChanged} />
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <NewRound tenderId={props.tenderId} onCreated={props.onChanged} />
    </section>
  );
}

/** A changed planned date of a round not yet published. */
function PlanForm(props: { round: QaRound; onSaved(): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [plannedOn, setPlannedOn] = useState(props.round.plannedOn ?? "");
  const [error, setError] = useState<string | null>(null);
  const id = `plan-${props.round.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await qaApi.changeRound(props.round.id, { plannedOn: plannedOn || null });
      setOpen(false);
      props.onSaved();
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    }
  }

  if (!open) {
    return (
      <Button appearance="subtle-button" onClick={() => setOpen(true)}>
        {t("qa.rounds.plan")}
        <span className="zk-visually-hidden"> {props.round.title}</span>
      </Button>
    );
  }
  return (
    <form className="zk-inline-form" noValidate onSubmit={(e) => void save(e)}>
      <FormError message={error} />
      <TextField
        id={id}
        type="date"
        label={t("qa.rounds.plannedOnOf", { title: props.round.title })}
        value={plannedOn}
        onChange={setPlannedOn}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t("qa.rounds.savePlan")}
      </Button>
    </form>
  );
}

const NEW_FIELDS = ["title", "plannedOn"] as const;

function NewRound(props: { tenderId: string; onCreated(): void }): ReactElement {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [plannedOn, setPlannedOn] = useState("");
  const { busy, errors, formError, run } = useFormAction(NEW_FIELDS);

  const create = run(async () => {
    await qaApi.createRound(props.tenderId, {
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(plannedOn ? { plannedOn } : {}),
    });
    setTitle("");
    setPlannedOn("");
    props.onCreated();
  });

  return (
    <form className="zk-inline-form" noValidate onSubmit={(e) => void create(e)} aria-labelledby="new-round-heading">
      <p id="new-round-heading" className="zk-fieldset__legend">
        {t("qa.rounds.new")}
      </p>
      <FormError message={formError} />
      <TextField
        id="round-title"
        label={t("qa.rounds.titleField")}
        description={t("qa.rounds.titleHint")}
        value={title}
        onChange={setTitle}
        error={errors.title}
      />
      <TextField
        id="round-planned-on"
        type="date"
        label={t("qa.rounds.plannedOn")}
        value={plannedOn}
        onChange={setPlannedOn}
        error={errors.plannedOn}
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t("qa.rounds.create")}
      </Button>
    </form>
  );
}
