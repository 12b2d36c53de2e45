// Adding a user. The fields follow the role: an organisation for a provider, a municipality for a
// municipality viewer, segments for an assessor.
import { Button, Checkbox, FormFieldErrorMessage } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../src/platform/policy.ts";
import { api, type Municipality, type NewUser, type Organisation, type Role, type Tender, type User } from "../api.ts";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";

interface Props {
  organisations: Organisation[];
  municipalities: Municipality[];
  tenders: Tender[];
  onAdded(user: User & { initialPassword?: string }): void;
}

type Field = "name" | "email" | "role" | "password" | "organisationId" | "municipalityId" | "segmentIds";
type Errors = Partial<Record<Field, string>>;
/** The server's minimum (src/accounts/password.ts, which the browser cannot import: it hashes). */
const MIN_PASSWORD_LENGTH = 12;
const FIELDS: Field[] = ["name", "email", "role", "organisationId", "municipalityId", "segmentIds", "password"];

export function UserForm({ organisations, municipalities, tenders, onAdded }: Props): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"" | Role>("");
  const [password, setPassword] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [municipalityId, setMunicipalityId] = useState("");
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const id = (field: string) => `new-user-${field}`;

  function check(): Errors {
    const found: Errors = {};
    if (!name.trim()) found.name = t("validation.required");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = email.trim() ? t("validation.email") : t("validation.required");
    if (!role) found.role = t("validation.choose");
    if (password && password.length < MIN_PASSWORD_LENGTH)
      found.password = t("validation.password", { count: MIN_PASSWORD_LENGTH });
    if (role === "provider" && !organisationId) found.organisationId = t("validation.choose");
    if (role === "municipality_viewer" && !municipalityId) found.municipalityId = t("validation.choose");
    if (role === "assessor" && segmentIds.length === 0) found.segmentIds = t("validation.chooseSegments");
    return found;
  }

  function focusFirst(found: Errors) {
    const field = FIELDS.find((f) => found[f]);
    if (!field) return;
    const target =
      field === "segmentIds"
        ? document.querySelector<HTMLInputElement>(`#${id("segments")} input`)
        : document.getElementById(id(field));
    target?.focus();
  }

  const { busy, errors, formError, setErrors, run } = useFormAction(FIELDS, {
    check,
    onInvalid: focusFirst,
    onRefused: (refusal) => focusFirst(refusal.errors),
    duplicate: { field: "email", message: t("validation.emailTaken", { email: email.trim() }) },
  });

  const submit = run(async () => {
    const body: NewUser = {
      name: name.trim(),
      email: email.trim(),
      // The check has refused an empty one.
      role: role as Role,
      ...(password ? { password } : {}),
      ...(role === "provider" ? { organisationId } : {}),
      ...(role === "municipality_viewer" ? { municipalityId } : {}),
      ...(role === "assessor" ? { segmentIds } : {}),
    };
    const user = await api.addUser(body);
    setName("");
    setEmail("");
    setRole("");
    setPassword("");
    setOrganisationId("");
    setMunicipalityId("");
    setSegmentIds([]);
    onAdded(user);
  });

  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel" aria-labelledby="add-user-heading">
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("name")}
          label={t("users.name")}
          value={name}
          onChange={setName}
          error={errors.name}
          required
          autoComplete="off"
        />
        <TextField
          id={id("email")}
          label={t("users.email")}
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
          autoComplete="off"
        />
      </div>
      <div className="zk-form-row">
        <SelectField
          id={id("role")}
          label={t("users.role")}
          value={role}
          onChange={(value) => setRole(value as "" | Role)}
          placeholder={t("users.choose")}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={errors.role}
        />
        {role === "provider" ? (
          <SelectField
            id={id("organisationId")}
            label={t("users.organisation")}
            value={organisationId}
            onChange={setOrganisationId}
            placeholder={t("users.choose")}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            error={errors.organisationId}
          />
        ) : null}
        {role === "municipality_viewer" ? (
          <SelectField
            id={id("municipalityId")}
            label={t("users.municipality")}
            value={municipalityId}
            onChange={setMunicipalityId}
            placeholder={t("users.choose")}
            options={municipalities.map((m) => ({ value: m.id, label: `${m.name} (${m.cbsCode})` }))}
            error={errors.municipalityId}
          />
        ) : null}
      </div>
      {role === "assessor" ? (
        <fieldset
          id={id("segments")}
          className="zk-fieldset"
          aria-describedby={errors.segmentIds ? id("segments-error") : undefined}
        >
          <legend className="zk-fieldset__legend">{t("users.segments")}</legend>
          {errors.segmentIds ? (
            <FormFieldErrorMessage id={id("segments-error")}>{errors.segmentIds}</FormFieldErrorMessage>
          ) : null}
          {tenders.map((tender) =>
            tender.lots.map((lot) => (
              <div key={lot.id} className="zk-checkbox-group">
                <p className="zk-checkbox-group__title">
                  {tender.name} · {t("structure.lot", { name: lot.name })}
                </p>
                {lot.segments.map((segment) => (
                  <div key={segment.id} className="zk-checkbox">
                    <Checkbox
                      id={id(`segment-${segment.id}`)}
                      checked={segmentIds.includes(segment.id)}
                      onChange={(event) => {
                        const checked = event.target.checked;
                        setSegmentIds((all) => (checked ? [...all, segment.id] : all.filter((s) => s !== segment.id)));
                        setErrors(({ segmentIds: _done, ...rest }) => rest);
                      }}
                    />
                    <label htmlFor={id(`segment-${segment.id}`)}>{segment.name}</label>
                  </div>
                ))}
              </div>
            )),
          )}
        </fieldset>
      ) : null}
      <TextField
        id={id("password")}
        label={t("users.password")}
        type="password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        autoComplete="new-password"
        description={t("users.passwordHint", { count: MIN_PASSWORD_LENGTH })}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {busy ? t("users.adding") : t("users.submit")}
      </Button>
    </form>
  );
}
