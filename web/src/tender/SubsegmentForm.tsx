// Adding a subsegment to a segment; the code is suggested from the name and may be changed.
import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FINANCING } from "../../../src/tender/types.ts";
import { api, type Financing, type Segment, type Tender } from "../api.ts";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";

interface Props {
  tenderId: string;
  segment: Segment;
  onSaved(tender: Tender, name: string): void;
  onCancel(): void;
}

const FIELDS = ["name", "code", "description", "financing"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** "Crisisopvang Jeugd" → "<segment>-crisisopvang-jeugd". */
function suggestCode(segmentCode: string, name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug ? `${segmentCode}-${slug}`.slice(0, 63).replace(/-+$/, "") : "";
}

export function SubsegmentForm({ tenderId, segment, onSaved, onCancel }: Props): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [codeTouched, setCodeTouched] = useState(false);
  const [description, setDescription] = useState("");
  const [financing, setFinancing] = useState<"" | Financing>("");
  const form = useRef<HTMLFormElement>(null);
  const id = (field: string) => `new-subsegment-${segment.id}-${field}`;

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);

  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check() {
      const found: Errors = {};
      if (!name.trim()) found.name = t("validation.required");
      if (!CODE.test(code)) found.code = code ? t("validation.code") : t("validation.required");
      return found;
    },
    idOf: id,
    duplicate: { field: "code", message: t("validation.codeTaken", { code }) },
  });

  const submit = run(async () => {
    const tender = await api.addSubsegment(tenderId, segment.id, {
      name: name.trim(),
      code,
      description: description.trim() || null,
      financing: financing || null,
    });
    onSaved(tender, name.trim());
  });

  return (
    <form
      ref={form}
      className="zk-inline-form"
      noValidate
      onSubmit={submit}
      aria-label={t("structure.addSubsegmentTo", { name: segment.name })}
    >
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("name")}
          label={t("structure.subsegmentName")}
          value={name}
          required
          onChange={(value) => {
            setName(value);
            if (!codeTouched) setCode(suggestCode(segment.code, value));
          }}
          error={errors.name}
        />
        <TextField
          id={id("code")}
          label={t("structure.subsegmentCode")}
          value={code}
          required
          description={t("structure.subsegmentCodeHint")}
          onChange={(value) => {
            setCode(value);
            setCodeTouched(true);
          }}
          error={errors.code}
        />
      </div>
      <div className="zk-form-row">
        <TextField
          id={id("description")}
          label={t("structure.subsegmentDescription")}
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <SelectField
          id={id("financing")}
          label={t("structure.subsegmentFinancing")}
          value={financing}
          onChange={(value) => setFinancing(value as "" | Financing)}
          placeholder={t("structure.inheritFinancing", { financing: t(`financing.${segment.financing}`) })}
          options={FINANCING.map((f) => ({ value: f, label: t(`financing.${f}`) }))}
          error={errors.financing}
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t("structure.saving") : t("structure.addSubsegment")}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("structure.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
