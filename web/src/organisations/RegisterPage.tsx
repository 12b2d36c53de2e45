// Registering a new provider organisation (aanmelden als zorgaanbieder): the organisation's name,
// legal form, KvK number and optional AGB code, and the first user. Public, reached from the login page.
import { Button, Heading1, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type ReactElement, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError, api } from "../api.ts";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";
import { useSession } from "../session.tsx";
import { Brand, Frame } from "../shell/Frame.tsx";
import { LanguageSwitch } from "../shell/LanguageSwitch.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { type LegalForm, organisationsApi, SINGLE_FORMS } from "./api.ts";
import { agbError, kvkError } from "./checks.ts";

const FIELDS = [
  "regionSlug",
  "organisation.name",
  "organisation.legalForm",
  "organisation.kvkNumber",
  "organisation.agbCode",
  "user.name",
  "user.email",
  "user.password",
] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;
const MIN_PASSWORD_LENGTH = 12;
const id = (field: Field) => `register-${field.replace(".", "-")}`;

export function RegisterPage(): ReactElement {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<Field, string>>({
    regionSlug: params.get("regio") ?? params.get("region") ?? "",
    "organisation.name": "",
    "organisation.legalForm": "",
    "organisation.kvkNumber": "",
    "organisation.agbCode": "",
    "user.name": "",
    "user.email": "",
    "user.password": "",
  });
  const registered = useRef(false);
  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check,
    idOf: id,
    duplicate: { field: "organisation.kvkNumber", message: t("register.duplicate") },
    onRefused(refusal, error) {
      if (error instanceof ApiError && error.code === "NOT_FOUND") {
        refusal.errors.regionSlug = t("register.unknownRegion");
        refusal.formError = null;
      }
    },
  });
  usePageTitle(t("register.title"));

  // Logged in (just now, by registering, or before): the organisation's page is where to go on.
  if (state.status === "ready") {
    return <Navigate to="/organisation" replace state={{ registered: registered.current }} />;
  }

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function check(): Errors {
    const found: Errors = {};
    for (const field of ["regionSlug", "organisation.name", "user.name"] as const) {
      if (!values[field].trim()) found[field] = t("validation.required");
    }
    if (!values["organisation.legalForm"]) found["organisation.legalForm"] = t("validation.choose");
    const kvk = kvkError(values["organisation.kvkNumber"].trim(), t);
    if (kvk) found["organisation.kvkNumber"] = kvk;
    const agb = values["organisation.agbCode"].trim() ? agbError(values["organisation.agbCode"].trim(), t) : null;
    if (agb) found["organisation.agbCode"] = agb;
    const email = values["user.email"].trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      found["user.email"] = email ? t("validation.email") : t("validation.required");
    if (values["user.password"].length < MIN_PASSWORD_LENGTH)
      found["user.password"] = t("validation.password", { count: MIN_PASSWORD_LENGTH });
    return found;
  }

  const submit = run(async () => {
    const email = values["user.email"].trim();
    const agbCode = values["organisation.agbCode"].trim();
    await organisationsApi.register({
      regionSlug: values.regionSlug.trim(),
      organisation: {
        name: values["organisation.name"].trim(),
        legalForm: values["organisation.legalForm"] as LegalForm,
        kvkNumber: values["organisation.kvkNumber"].trim(),
        ...(agbCode ? { agbCode } : {}),
      },
      user: { name: values["user.name"].trim(), email, password: values["user.password"] },
    });
    // Registered: log in with the new account and continue with the organisation's details. A failed
    // login is no refusal of the form: the login page says what went wrong.
    registered.current = true;
    try {
      signIn(await api.login(email, values["user.password"]));
    } catch {
      navigate("/login", { replace: true });
    }
  });

  return (
    <Frame brand={<Brand region={null} />} account={<LanguageSwitch />}>
      <div className="zk-content zk-content--narrow">
        <Heading1>{t("register.title")}</Heading1>
        <Paragraph lead>{t("register.intro")}</Paragraph>
        <form className="zk-form" noValidate onSubmit={submit} aria-labelledby="register-heading">
          <FormError message={formError} />
          <Heading2 id="register-heading" className="zk-visually-hidden">
            {t("register.title")}
          </Heading2>
          <TextField
            id={id("regionSlug")}
            label={t("register.region")}
            description={t("register.regionHint")}
            value={values.regionSlug}
            onChange={set("regionSlug")}
            error={errors.regionSlug}
            required
            autoComplete="off"
          />
          <fieldset className="zk-fieldset zk-fieldset--boxed">
            <legend className="zk-fieldset__legend">{t("register.organisation")}</legend>
            <TextField
              id={id("organisation.name")}
              label={t("organisation.name")}
              value={values["organisation.name"]}
              onChange={set("organisation.name")}
              error={errors["organisation.name"]}
              autoComplete="organization"
              required
            />
            <SelectField
              id={id("organisation.legalForm")}
              label={t("organisation.legalForm")}
              value={values["organisation.legalForm"]}
              onChange={set("organisation.legalForm")}
              placeholder={t("users.choose")}
              options={SINGLE_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
              error={errors["organisation.legalForm"]}
            />
            <p className="zk-hint">{t("register.combinationHint")}</p>
            <TextField
              id={id("organisation.kvkNumber")}
              label={t("organisation.kvkNumber")}
              description={t("organisation.kvkHint")}
              value={values["organisation.kvkNumber"]}
              onChange={set("organisation.kvkNumber")}
              error={errors["organisation.kvkNumber"]}
              inputMode="numeric"
              autoComplete="off"
              required
            />
            <TextField
              id={id("organisation.agbCode")}
              label={t("organisation.agbCodeOptional")}
              description={t("organisation.agbHint")}
              value={values["organisation.agbCode"]}
              onChange={set("organisation.agbCode")}
              error={errors["organisation.agbCode"]}
              inputMode="numeric"
              autoComplete="off"
            />
          </fieldset>
          <fieldset className="zk-fieldset zk-fieldset--boxed">
            <legend className="zk-fieldset__legend">{t("register.user")}</legend>
            <TextField
              id={id("user.name")}
              label={t("register.userName")}
              value={values["user.name"]}
              onChange={set("user.name")}
              error={errors["user.name"]}
              autoComplete="name"
              required
            />
            <TextField
              id={id("user.email")}
              label={t("login.email")}
              type="email"
              value={values["user.email"]}
              onChange={set("user.email")}
              error={errors["user.email"]}
              autoComplete="email"
              required
            />
            <TextField
              id={id("user.password")}
              label={t("login.password")}
              type="password"
              description={t("register.passwordHint", { count: MIN_PASSWORD_LENGTH })}
              value={values["user.password"]}
              onChange={set("user.password")}
              error={errors["user.password"]}
              autoComplete="new-password"
              required
            />
          </fieldset>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {busy ? t("register.busy") : t("register.submit")}
          </Button>
        </form>
        <Paragraph className="zk-after-form">
          <AppLink to="/login">{t("register.toLogin")}</AppLink>
        </Paragraph>
      </div>
    </Frame>
  );
}
