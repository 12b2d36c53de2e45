// Logging in: e-mail and password, with a clear Dutch message for each refusal the server gives.
import { Alert, Button, Heading1, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError, api } from "../api.ts";
import { TextField } from "../forms.tsx";
import { useSession } from "../session.tsx";
import { Brand, Frame } from "../shell/Frame.tsx";
import { LanguageSwitch } from "../shell/LanguageSwitch.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";

type Translate = ReturnType<typeof useTranslation>["t"];

function refusalMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t("login.failed");
  switch (error.code) {
    case "INVALID_CREDENTIALS":
      return t("login.invalid");
    case "ACCOUNT_LOCKED": {
      const fromDetail = /(\d+)\s*minute/.exec(error.problem.detail ?? "")?.[1];
      const minutes =
        error.retryAfter !== null ? Math.ceil(error.retryAfter / 60) : fromDetail ? Number(fromDetail) : null;
      return minutes === null ? t("login.lockedNoTime") : t("login.locked", { count: minutes });
    }
    case "RATE_LIMITED":
      return t("login.rateLimited");
    case "VALIDATION_FAILED":
      return t("login.missing");
    default:
      return t("login.failed");
  }
}

export function LoginPage(): ReactElement {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string; ended?: boolean } | null) ?? {};
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t("login.title"));

  if (state.status === "ready") return <Navigate to={from.from ?? "/tenders"} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      ...(email.trim() ? {} : { email: t("login.emailMissing") }),
      ...(password ? {} : { password: t("login.passwordMissing") }),
    };
    setErrors(missing);
    setRefusal(null);
    if (Object.keys(missing).length > 0) {
      document.getElementById(missing.email ? "email" : "password")?.focus();
      return;
    }
    setBusy(true);
    try {
      const me = await api.login(email.trim(), password);
      signIn(me);
      navigate(from.from && from.from !== "/login" ? from.from : "/tenders", { replace: true });
    } catch (error) {
      setRefusal(refusalMessage(error, t));
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame brand={<Brand region={null} />} account={<LanguageSwitch />}>
      <div className="zk-content zk-content--narrow">
        <Heading1>{t("login.title")}</Heading1>
        <Paragraph lead>{t("login.intro")}</Paragraph>
        <div aria-live="assertive" aria-atomic="true" className="zk-live">
          {refusal ? (
            <Alert type="error">
              <Paragraph>{refusal}</Paragraph>
            </Alert>
          ) : from.ended && state.status === "anonymous" ? (
            <Alert type="info">
              <Paragraph>{t("app.sessionEnded")}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <form className="zk-form" noValidate onSubmit={submit}>
          <TextField
            id="email"
            label={t("login.email")}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errors.email}
            required
          />
          <TextField
            id="password"
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            required
          />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {busy ? t("login.busy") : t("login.submit")}
          </Button>
        </form>
        <section aria-labelledby="register-heading" className="zk-section">
          <Heading2 id="register-heading">{t("login.newProvider")}</Heading2>
          <Paragraph>{t("login.newProviderIntro")}</Paragraph>
          <Paragraph>
            <AppLink to="/register">{t("login.register")}</AppLink>
          </Paragraph>
        </section>
      </div>
    </Frame>
  );
}
