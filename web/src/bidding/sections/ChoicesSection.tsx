// What the bid covers: the chosen subsegments, the municipalities served and the specialisms.
import { Heading2, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { Municipality, Segment } from "../../api.ts";
import { CheckboxGroup, TextAreaField } from "../../forms.tsx";
import { fieldIds } from "../applicable.ts";
import type { FormState } from "../formState.ts";

interface Props {
  segment: Segment;
  municipalities: Municipality[];
  state: FormState;
  errors: Record<string, string>;
  onChange(change: Partial<FormState>): void;
}

export function ChoicesSection({ segment, municipalities, state, errors, onChange }: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="choices-heading" className="zk-section zk-bid-part">
      <Heading2 id="choices-heading">{t("bid.choices")}</Heading2>
      {segment.subsegments.length > 0 ? (
        <CheckboxGroup
          id={fieldIds.subsegments}
          legend={t("bid.subsegments")}
          description={t("bid.subsegmentsHint")}
          options={segment.subsegments.map((s) => ({
            value: s.id,
            label: s.name,
            ...(s.description ? { description: s.description } : {}),
          }))}
          values={state.subsegmentIds}
          onChange={(subsegmentIds) => onChange({ subsegmentIds })}
          error={errors[fieldIds.subsegments]}
        />
      ) : (
        <Paragraph>{t("bid.noSubsegments")}</Paragraph>
      )}
      <CheckboxGroup
        id={fieldIds.municipalities}
        legend={t("bid.municipalities")}
        description={t("bid.municipalitiesHint")}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        values={state.municipalityIds}
        onChange={(municipalityIds) => onChange({ municipalityIds })}
        error={errors[fieldIds.municipalities]}
        columns
      />
      <TextAreaField
        id={fieldIds.specialisms}
        label={t("bid.specialisms")}
        description={t("bid.specialismsHint")}
        value={state.specialisms}
        onChange={(specialisms) => onChange({ specialisms })}
        error={errors[fieldIds.specialisms]}
        rows={3}
      />
    </section>
  );
}
