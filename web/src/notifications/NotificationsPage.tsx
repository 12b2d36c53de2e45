// "Meldingen": the user's notifications, newest first, unread ones marked, each to be marked read.
import { Button, Heading1, Heading2, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoment } from "../dates.ts";
import { refusalText } from "../forms.tsx";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { type Notification, notificationsApi } from "./api.ts";
import { useUnread } from "./unread.tsx";
import { notificationTarget, wording } from "./wording.ts";

export function NotificationsPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const [list, { reload, set }] = useResource(() => notificationsApi.list(), []);
  const unread = useUnread();
  const { user } = useMe();
  // A notification about a tender leads to where this user acts on it.
  const tenderPage = (tenderId: string) =>
    `/tenders/${tenderId}${can.bid(user.role) ? "/my-bids" : can.seeRegistrations(user.role) ? "/bids" : ""}`;
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t("notifications.title"));

  if (list.status !== "ready") return <Pending resource={list} title={t("notifications.title")} onRetry={reload} />;
  const notifications = list.data.notifications;
  const unreadOnes = notifications.filter((n) => !n.readAt);

  async function markRead(targets: Notification[]) {
    setError(null);
    try {
      for (const n of targets) await notificationsApi.markRead(n.id);
      set(await notificationsApi.list());
      unread.refresh();
      setAnnouncement(
        targets.length === 1
          ? t("notifications.markedOne", { title: targets[0] ? wording(targets[0], t, i18n.language).title : "" })
          : t("notifications.markedAll"),
      );
      requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
    } catch (e) {
      setError(refusalText(e, t));
    }
  }

  return (
    <>
      <Heading1>{t("notifications.title")}</Heading1>
      <Paragraph lead>{t("notifications.summary", { count: unreadOnes.length })}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      {error ? (
        <p role="alert" className="zk-error-text">
          {error}
        </p>
      ) : null}
      {unreadOnes.length > 1 ? (
        <Button appearance="secondary-action-button" onClick={() => void markRead(unreadOnes)}>
          {t("notifications.markAll")}
        </Button>
      ) : null}
      {notifications.length === 0 ? (
        <Paragraph>{t("notifications.none")}</Paragraph>
      ) : (
        <ul className="zk-notifications">
          {notifications.map((n) => {
            const { title, body } = wording(n, t, i18n.language);
            const target = notificationTarget(n, tenderPage);
            return (
              <li key={n.id} className={n.readAt ? "zk-notification" : "zk-notification zk-notification--unread"}>
                <article aria-labelledby={`notification-${n.id}`}>
                  <Heading2 id={`notification-${n.id}`} className="zk-notification__title">
                    {title} {n.readAt ? null : <StatusBadge status="warning">{t("notifications.unread")}</StatusBadge>}
                  </Heading2>
                  <p className="zk-muted zk-notification__time">{formatMoment(n.createdAt, i18n.language)}</p>
                  {body ? <p className="zk-prewrap">{body}</p> : null}
                  <div className="zk-row-actions">
                    {target ? <AppLink to={target.to}>{t(target.label)}</AppLink> : null}
                    {n.readAt ? null : (
                      <Button appearance="subtle-button" onClick={() => void markRead([n])}>
                        {t("notifications.markRead")}
                        <span className="zk-visually-hidden"> {title}</span>
                      </Button>
                    )}
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
