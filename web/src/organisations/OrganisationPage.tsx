// "Mijn organisatie": a provider's own organisation (legal form, KvK, AGB, address, contacts) and the
// combinations it belongs to, with a form to found a new one as its lead member (penvoerder).
import {
  Button,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { COMBINATION_FORMS, type CombinationForm, type MyOrganisation, organisationsApi } from "./api.ts";
import { combinationErrors } from "./checks.ts";
import { OrganisationForm } from "./OrganisationForm.tsx";

export function OrganisationPage(): ReactElement {
  const { user } = useMe();
  return can.ownOrganisation(user.role) ? <Organisation /> : <NotFound />;
}

function Organisation(): ReactElement {
  const { t } = useTranslation();
  const location = useLocation();
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  const [organisation, { reload, set }] = useResource(() => organisationsApi.mine(), []);
  const [announcement, setAnnouncement] = useState(registered ? t("organisation.registered") : "");
  usePageTitle(t("organisation.title"));

  if (organisation.status !== "ready")
    return <Pending resource={organisation} title={t("organisation.title")} onRetry={reload} />;
  const mine = organisation.data;
  return (
    <>
      <Heading1>{t("organisation.title")}</Heading1>
      <Paragraph lead>{t("organisation.intro", { name: mine.name })}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>

      <section aria-labelledby="details-heading" className="zk-section">
        <Heading2 id="details-heading">{t("organisation.details")}</Heading2>
        <OrganisationForm
          organisation={mine}
          onSaved={(saved) => {
            set(saved);
            setAnnouncement(t("organisation.saved"));
          }}
        />
      </section>

      <section aria-labelledby="combinations-heading" className="zk-section">
        <Heading2 id="combinations-heading">{t("organisation.combinations")}</Heading2>
        <Paragraph>{t("organisation.combinationsIntro")}</Paragraph>
        <Combinations organisation={mine} />
        <NewCombination />
      </section>
    </>
  );
}

function Combinations({ organisation }: { organisation: MyOrganisation }): ReactElement {
  const { t } = useTranslation();
  if (organisation.combinations.length === 0) return <Paragraph>{t("organisation.noCombinations")}</Paragraph>;
  return (
    <div className="zk-table-scroll">
      <Table className="zk-table">
        <TableCaption className="zk-visually-hidden">{t("organisation.combinationsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("organisation.name")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("organisation.legalForm")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("organisation.part")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {organisation.combinations.map((combination) => (
            <TableRow key={combination.id}>
              <TableHeaderCell scope="row">
                <AppLink to={`/combinations/${combination.id}`}>{combination.name}</AppLink>
              </TableHeaderCell>
              <TableCell>{combination.legalForm ? t(`legalForm.${combination.legalForm}`) : "—"}</TableCell>
              <TableCell>{combination.isLead ? t("combination.lead") : t("combination.member")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const COMBINATION_FIELDS = ["name", "legalForm", "kvkNumber"] as const;

function NewCombination(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [legalForm, setLegalForm] = useState<"" | CombinationForm>("");
  const [kvkNumber, setKvkNumber] = useState("");
  const id = (field: string) => `new-combination-${field}`;
  const { busy, errors, formError, run } = useFormAction(COMBINATION_FIELDS, {
    check: () => combinationErrors({ name, legalForm, kvkNumber }, t),
    idOf: id,
    duplicate: { field: "kvkNumber", message: t("register.duplicate") },
  });

  const submit = run(async () => {
    const combination = await organisationsApi.createCombination({
      name: name.trim(),
      // The check has refused an empty one.
      legalForm: legalForm as CombinationForm,
      ...(kvkNumber.trim() ? { kvkNumber: kvkNumber.trim() } : {}),
    });
    navigate(`/combinations/${combination.id}`, { state: { created: true } });
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="zk-form zk-panel zk-section"
      aria-labelledby="new-combination-heading"
    >
      <Heading3 id="new-combination-heading">{t("organisation.newCombination")}</Heading3>
      <Paragraph>{t("organisation.newCombinationIntro")}</Paragraph>
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("name")}
          label={t("organisation.name")}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <SelectField
          id={id("legalForm")}
          label={t("organisation.legalForm")}
          value={legalForm}
          onChange={(value) => setLegalForm(value as "" | CombinationForm)}
          placeholder={t("users.choose")}
          options={COMBINATION_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
          error={errors.legalForm}
        />
      </div>
      <TextField
        id={id("kvkNumber")}
        label={t("organisation.kvkNumberOptional")}
        description={t("organisation.combinationKvkHint")}
        value={kvkNumber}
        onChange={setKvkNumber}
        error={errors.kvkNumber}
        inputMode="numeric"
        size="small"
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("organisation.createCombination")}
      </Button>
    </form>
  );
}
