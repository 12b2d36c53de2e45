// Editing the dates of phases and milestones. Saving answers with freshly computed warnings.
import {
  Button,
  ButtonGroup,
  FormFieldErrorMessage,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, type Milestone, type Phase, type Timeline } from "../api.ts";
import { isIsoDate } from "../dates.ts";
import { FormError, serverFieldMessage } from "../forms.tsx";

interface Props {
  tenderId: string;
  timeline: Timeline;
  onSaved(timeline: Timeline): void;
  onCancel(): void;
}

function DateCell(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}): ReactElement {
  const errorId = `${props.id}-error`;
  return (
    <div className="zk-date-cell">
      <label htmlFor={props.id} className="zk-visually-hidden">
        {props.label}
      </label>
      <Textbox
        id={props.id}
        type="date"
        value={props.value}
        invalid={Boolean(props.error)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error ? <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage> : null}
    </div>
  );
}

export function TimelineForm({ tenderId, timeline, onSaved, onCancel }: Props): ReactElement {
  const { t } = useTranslation();
  const [phases, setPhases] = useState<Phase[]>(timeline.phases);
  const [milestones, setMilestones] = useState<Milestone[]>(timeline.milestones);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);

  const fieldId = (path: string) => `timeline-${path.replaceAll(".", "-")}`;
  const setPhase = (index: number, key: "startsOn" | "endsOn", value: string) =>
    setPhases((all) => all.map((p, i) => (i === index ? { ...p, [key]: value || null } : p)));
  const setMilestone = (index: number, value: string) =>
    setMilestones((all) => all.map((m, i) => (i === index ? { ...m, date: value || null } : m)));

  function focusFirst(found: Record<string, string>) {
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const found: Record<string, string> = {};
    phases.forEach((p, i) => {
      if (p.startsOn && !isIsoDate(p.startsOn)) found[`phases.${i}.startsOn`] = t("validation.date");
      if (p.endsOn && !isIsoDate(p.endsOn)) found[`phases.${i}.endsOn`] = t("validation.date");
    });
    milestones.forEach((m, i) => {
      if (m.date && !isIsoDate(m.date)) found[`milestones.${i}.date`] = t("validation.date");
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      onSaved(await api.saveTimeline(tenderId, { phases, milestones }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        const server: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fieldErrors()))
          server[field] = serverFieldMessage(message, t);
        setErrors(server);
        focusFirst(server);
      }
      setFormError(t("validation.server", { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="zk-timeline-form" aria-labelledby="timeline-edit-heading">
      <Heading3 id="timeline-edit-heading">{t("timeline.edit")}</Heading3>
      <Paragraph>{t("timeline.editIntro")}</Paragraph>
      <FormError message={formError} />
      <div className="zk-table-scroll">
        <Table className="zk-table zk-table--form">
          <TableCaption>{t("timeline.phases")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("timeline.number")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("timeline.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("timeline.startsOn")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("timeline.endsOn")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {phases.map((phase, index) => (
              <TableRow key={phase.number}>
                <TableCell>{phase.number}</TableCell>
                <TableHeaderCell scope="row">{phase.name}</TableHeaderCell>
                <TableCell>
                  <DateCell
                    id={fieldId(`phases.${index}.startsOn`)}
                    label={t("timeline.phaseStart", { number: phase.number })}
                    value={phase.startsOn ?? ""}
                    error={errors[`phases.${index}.startsOn`]}
                    onChange={(value) => setPhase(index, "startsOn", value)}
                  />
                </TableCell>
                <TableCell>
                  <DateCell
                    id={fieldId(`phases.${index}.endsOn`)}
                    label={t("timeline.phaseEnd", { number: phase.number })}
                    value={phase.endsOn ?? ""}
                    error={errors[`phases.${index}.endsOn`]}
                    onChange={(value) => setPhase(index, "endsOn", value)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="zk-table-scroll">
        <Table className="zk-table zk-table--form">
          <TableCaption>{t("timeline.milestones")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("timeline.label")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("timeline.kind")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("timeline.date")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {milestones.map((milestone, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no identity beyond their order.
              <TableRow key={index}>
                <TableHeaderCell scope="row">{milestone.label}</TableHeaderCell>
                <TableCell>{t(`milestoneKind.${milestone.kind}`)}</TableCell>
                <TableCell>
                  <DateCell
                    id={fieldId(`milestones.${index}.date`)}
                    label={t("timeline.milestoneDate", { label: milestone.label })}
                    value={milestone.date ?? ""}
                    error={errors[`milestones.${index}.date`]}
                    onChange={(value) => setMilestone(index, value)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t("timeline.saving") : t("timeline.save")}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("timeline.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
