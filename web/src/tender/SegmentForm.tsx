// Editing a segment inline: contract start, number to select and financing, with each error next
// to its field (from the form's own checks or from the server's problem.errors).
import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FINANCING } from "../../../src/tender/types.ts";
import { api, type Financing, type Segment, type Tender } from "../api.ts";
import { isIsoDate } from "../dates.ts";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";

interface Props {
  tenderId: string;
  segment: Segment;
  onSaved(tender: Tender): void;
  onCancel(): void;
}

const FIELDS = ["contractStart", "selectMin", "selectMax", "financing"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

const count = (value: string): number | null | "invalid" => {
  if (value.trim() === "") return null;
  return /^\d+$/.test(value.trim()) && Number(value) >= 1 ? Number(value) : "invalid";
};

export function SegmentForm({ tenderId, segment, onSaved, onCancel }: Props): ReactElement {
  const { t } = useTranslation();
  const [contractStart, setContractStart] = useState(segment.contractStart ?? "");
  const [selectMin, setSelectMin] = useState(segment.numberToSelect.min?.toString() ?? "");
  const [selectMax, setSelectMax] = useState(segment.numberToSelect.max?.toString() ?? "");
  const [financing, setFinancing] = useState<Financing>(segment.financing);
  const first = useRef<HTMLFormElement>(null);
  const id = (field: string) => `segment-${segment.id}-${field}`;

  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);

  function check(): Errors {
    const found: Errors = {};
    if (contractStart && !isIsoDate(contractStart)) found.contractStart = t("validation.date");
    const min = count(selectMin);
    const max = count(selectMax);
    if (min === "invalid") found.selectMin = t("validation.wholeNumber");
    if (max === "invalid") found.selectMax = t("validation.wholeNumber");
    if (typeof min === "number" && typeof max === "number" && min > max) found.selectMax = t("validation.minAboveMax");
    return found;
  }

  const { busy, errors, formError, run } = useFormAction(FIELDS, { check, idOf: id });
  const submit = run(async () => {
    const tender = await api.changeSegment(tenderId, segment.id, {
      contractStart: contractStart || null,
      selectMin: count(selectMin) as number | null,
      selectMax: count(selectMax) as number | null,
      financing,
    });
    onSaved(tender);
  });

  return (
    <form
      ref={first}
      className="zk-inline-form"
      noValidate
      onSubmit={submit}
      aria-label={t("structure.editSegment", { name: segment.name })}
    >
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("contractStart")}
          label={t("structure.contractStart")}
          type="date"
          value={contractStart}
          onChange={setContractStart}
          error={errors.contractStart}
          description={t("structure.dateHint")}
        />
        <SelectField
          id={id("financing")}
          label={t("structure.financing")}
          value={financing}
          onChange={(value) => setFinancing(value as Financing)}
          options={FINANCING.map((f) => ({ value: f, label: t(`financing.${f}`) }))}
          error={errors.financing}
        />
      </div>
      <fieldset className="zk-fieldset">
        <legend className="zk-fieldset__legend">{t("structure.numberToSelect")}</legend>
        <p className="zk-hint">{t("structure.selectHint")}</p>
        <div className="zk-form-row">
          <TextField
            id={id("selectMin")}
            label={t("structure.selectMin")}
            inputMode="numeric"
            size="small"
            value={selectMin}
            onChange={setSelectMin}
            error={errors.selectMin}
          />
          <TextField
            id={id("selectMax")}
            label={t("structure.selectMax")}
            inputMode="numeric"
            size="small"
            value={selectMax}
            onChange={setSelectMax}
            error={errors.selectMax}
          />
        </div>
      </fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t("structure.saving") : t("structure.save")}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("structure.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
