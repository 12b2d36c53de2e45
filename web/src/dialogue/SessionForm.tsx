// Planning a session, and changing one: the same fields, empty for a new session and filled in from
// the session when it is changed (a room that moves, a time that shifts). The server tells those
// registered when the moment or the place changes.
import { Button, Heading2 } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Tender } from "../api.ts";
import { amsterdamToIso, isoToAmsterdam } from "../dates.ts";
import { FormError, SelectField, TextAreaField, TextField, useFormAction } from "../forms.tsx";
import { dialogueApi, type Session, type SessionInput } from "./api.ts";

const KINDS = ["gesprekstafel", "workshop", "kennissessie", "webinar", "marktconsultatie"] as const;
const FIELDS = [
  "kind",
  "title",
  "description",
  "segmentId",
  "onDate",
  "startsAt",
  "endsAt",
  "location",
  "onlineUrl",
  "capacity",
  "registrationClosesAt",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = {
  kind: "gesprekstafel",
  title: "",
  description: "",
  segmentId: "",
  onDate: "",
  startsAt: "13:00",
  endsAt: "15:00",
  location: "",
  onlineUrl: "",
  capacity: "",
  registrationClosesAt: "",
};

function valuesOf(session: Session): Values {
  return {
    kind: session.kind,
    title: session.title,
    description: session.description,
    segmentId: session.segmentId ?? "",
    onDate: session.onDate,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: session.location ?? "",
    onlineUrl: session.onlineUrl ?? "",
    capacity: session.capacity === null ? "" : String(session.capacity),
    registrationClosesAt: isoToAmsterdam(session.registrationClosesAt),
  };
}

function inputOf(values: Values): SessionInput {
  return {
    kind: values.kind as (typeof KINDS)[number],
    title: values.title,
    description: values.description,
    segmentId: values.segmentId || null,
    onDate: values.onDate,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    location: values.location.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    capacity: values.capacity.trim() ? Number(values.capacity) : null,
    registrationClosesAt: amsterdamToIso(values.registrationClosesAt) ?? values.registrationClosesAt,
  };
}

/** Plans a new session of `tender`, or, given `session`, changes that one. */
export function SessionForm(props: {
  tender: Tender;
  session?: Session;
  onSaved(message: string): Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const { session } = props;
  const prefix = session ? "edit" : "plan";
  const [values, setValues] = useState<Values>(() => (session ? valuesOf(session) : EMPTY));
  // A refused field takes the focus, so that keyboard and screen-reader users land on what to correct.
  const { busy, errors, formError, run } = useFormAction(FIELDS, { idOf: (name) => `${prefix}-${name}` });
  const field = (name: Field) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });
  const segments = props.tender.lots.flatMap((lot) => lot.segments.map((s) => ({ value: s.id, label: s.name })));

  const submit = run(async () => {
    if (session) {
      await dialogueApi.update(session.id, inputOf(values));
      await props.onSaved(t("dialogue.edit.saved"));
    } else {
      await dialogueApi.create(props.tender.id, inputOf(values));
      setValues(EMPTY);
      await props.onSaved(t("dialogue.plan.saved"));
    }
  });

  const heading = `${prefix}-heading`;
  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby={heading}>
      <Heading2 id={heading}>{t(session ? "dialogue.edit.title" : "dialogue.plan.title")}</Heading2>
      {session ? <p className="zk-hint">{t("dialogue.edit.hint")}</p> : null}
      <FormError message={formError} />
      <SelectField
        {...field("kind")}
        label={t("dialogue.plan.kind")}
        options={KINDS.map((k) => ({ value: k, label: t(`dialogue.kinds.${k}`) }))}
      />
      <TextField {...field("title")} label={t("dialogue.plan.name")} required />
      <TextAreaField {...field("description")} label={t("dialogue.plan.description")} rows={3} />
      <SelectField
        {...field("segmentId")}
        label={t("dialogue.plan.segment")}
        options={[{ value: "", label: t("dialogue.audienceAll") }, ...segments]}
      />
      <TextField {...field("onDate")} type="date" label={t("dialogue.plan.onDate")} required />
      <TextField {...field("startsAt")} label={t("dialogue.plan.startsAt")} size="small" required />
      <TextField {...field("endsAt")} label={t("dialogue.plan.endsAt")} size="small" required />
      <TextField
        {...field("location")}
        label={t("dialogue.plan.location")}
        description={t("dialogue.plan.locationHint")}
      />
      <TextField {...field("onlineUrl")} label={t("dialogue.plan.onlineUrl")} />
      <TextField
        {...field("capacity")}
        type="number"
        min={1}
        size="small"
        label={t("dialogue.plan.capacity")}
        description={t("dialogue.plan.capacityHint")}
      />
      <TextField
        {...field("registrationClosesAt")}
        type="datetime-local"
        label={t("dialogue.plan.closesAt")}
        required
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t(session ? "dialogue.edit.submit" : "dialogue.plan.submit")}
      </Button>
    </form>
  );
}
