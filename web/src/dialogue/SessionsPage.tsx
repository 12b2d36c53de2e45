// "Bijeenkomsten": a tender's dialogue sessions. Providers register and cancel; officers plan new
// sessions. Each session links to its page with the report, slides, Q&A and statements.
import { Button, Heading1, Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { allows } from "../../../src/platform/policy.ts";
import { api } from "../api.ts";
import { formatDate, formatMoment } from "../dates.ts";
import { FormError, TextField } from "../forms.tsx";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { dialogueApi, dialogueRefusal, type Session } from "./api.ts";
import { SessionForm } from "./SessionForm.tsx";

export function SessionsPage(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const { user } = useMe();
  const [data, { reload, set }] = useResource(async () => {
    const [tender, list] = await Promise.all([api.tender(tenderId), dialogueApi.sessions(tenderId)]);
    return { tender, sessions: list.sessions };
  }, [tenderId]);
  const [announcement, setAnnouncement] = useState("");
  usePageTitle(data.status === "ready" ? t("dialogue.title", { name: data.data.tender.name }) : t("dialogue.nav"));

  if (data.status !== "ready") return <Pending resource={data} title={t("dialogue.nav")} onRetry={reload} />;
  const { tender, sessions } = data.data;
  const changed = async (message: string) => {
    set({ tender, sessions: (await dialogueApi.sessions(tenderId)).sessions });
    setAnnouncement(message);
  };
  return (
    <>
      <Heading1>{t("dialogue.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("dialogue.intro")}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      <section aria-labelledby="sessions-heading" className="zk-section">
        <Heading2 id="sessions-heading">{t("dialogue.nav")}</Heading2>
        {sessions.length === 0 ? <Paragraph>{t("dialogue.none")}</Paragraph> : null}
        <ul className="zk-list zk-sessions">
          {sessions.map((session) => (
            <li key={session.id} className="zk-panel zk-section">
              <SessionCard session={session} canRegister={allows(user.role, "dialogue:register")} onChanged={changed} />
            </li>
          ))}
        </ul>
      </section>
      {allows(user.role, "dialogue:edit") ? <SessionForm tender={tender} onSaved={changed} /> : null}
    </>
  );
}

export function SessionFacts({ session }: { session: Session }): ReactElement {
  const { t, i18n } = useTranslation();
  const left =
    session.capacity === null
      ? t("dialogue.unlimited")
      : t("dialogue.placesLeft", {
          left: String(session.placesLeft),
          capacity: String(session.capacity),
        });
  return (
    <dl className="zk-facts">
      <dt>{t("dialogue.when")}</dt>
      <dd>
        {formatDate(session.onDate, i18n.language)}, {session.startsAt}–{session.endsAt}
      </dd>
      {session.location ? (
        <>
          <dt>{t("dialogue.where")}</dt>
          <dd>{session.location}</dd>
        </>
      ) : null}
      {session.onlineUrl ? (
        <>
          <dt>{t("dialogue.online")}</dt>
          <dd>
            <a href={session.onlineUrl} rel="noreferrer">
              {session.onlineUrl}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t("dialogue.audience")}</dt>
      <dd>{session.segmentName ?? t("dialogue.audienceAll")}</dd>
      <dt>{t("dialogue.places")}</dt>
      <dd>{left}</dd>
      <dt>{t("dialogue.registrationCloses")}</dt>
      <dd>{formatMoment(session.registrationClosesAt, i18n.language)}</dd>
      <dt>{t("dialogue.status")}</dt>
      <dd>{statusText(session, t)}</dd>
    </dl>
  );
}

function statusText(session: Session, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (session.cancelledAt) return t("dialogue.cancelled");
  if (session.publishedAt) return t("dialogue.published");
  if (session.registered) return t("dialogue.registeredYou", { count: session.registered.attendees });
  if (session.registrationOpen) return t("dialogue.open");
  return session.placesLeft === 0 ? t("dialogue.full") : t("dialogue.registrationClosed");
}

function SessionCard(props: {
  session: Session;
  canRegister: boolean;
  onChanged(message: string): Promise<void>;
}): ReactElement {
  const { session } = props;
  const { t } = useTranslation();
  return (
    <article aria-labelledby={`session-${session.id}`}>
      <Heading3 id={`session-${session.id}`}>
        {t(`dialogue.kinds.${session.kind}`)}: {session.title}
      </Heading3>
      {session.description ? <Paragraph>{session.description}</Paragraph> : null}
      <SessionFacts session={session} />
      <Paragraph>
        <AppLink to={`/sessions/${session.id}`}>{t("dialogue.details", { title: session.title })}</AppLink>
      </Paragraph>
      {props.canRegister && !session.cancelledAt && !session.publishedAt ? (
        <RegistrationForm session={session} onChanged={props.onChanged} />
      ) : null}
    </article>
  );
}

export function RegistrationForm(props: { session: Session; onChanged(message: string): Promise<void> }): ReactElement {
  const { session } = props;
  const { t } = useTranslation();
  const [attendees, setAttendees] = useState("1");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `attendees-${session.id}`;

  const act = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await props.onChanged(message);
    } catch (e) {
      setError(dialogueRefusal(e, t));
    } finally {
      setBusy(false);
    }
  };
  if (session.registered) {
    return (
      <div className="zk-actions">
        <FormError message={error} />
        <Button
          appearance="secondary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() => act(() => dialogueApi.unregister(session.id), t("dialogue.unregistered"))}
        >
          {t("dialogue.unregister")}
        </Button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(() => dialogueApi.register(session.id, Number(attendees)), t("dialogue.registered"));
  };
  return (
    <form noValidate onSubmit={submit} className="zk-form" aria-label={`${t("dialogue.register")}: ${session.title}`}>
      <FormError message={error} />
      <TextField
        id={id}
        label={t("dialogue.attendees")}
        description={t("dialogue.attendeesHint")}
        type="number"
        min={1}
        size="small"
        value={attendees}
        onChange={setAttendees}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("dialogue.register")}
      </Button>
    </form>
  );
}
