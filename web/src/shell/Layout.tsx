// The layout of every page behind the login: the header with the region and the user, and the
// navigation that offers only what the user's role may see.
import { Alert, Button, Heading1, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { UnreadProvider, useUnread } from "../notifications/unread.tsx";
import { can } from "../policy.ts";
import { useSession } from "../session.tsx";
import type { Resource } from "../useResource.ts";
import { Brand, Frame } from "./Frame.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { AppLink, NavItem } from "./links.tsx";

export function Layout(): ReactElement {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (state.status === "loading") {
    return (
      <Frame brand={<Brand region={null} />}>
        <div className="zk-content" role="status">
          <Paragraph>{t("app.loading")}</Paragraph>
        </div>
      </Frame>
    );
  }
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname, ended: state.ended }} />;
  }

  const { user, region } = state.me;
  const account = (
    <>
      <p className="zk-account__user">
        <span className="zk-visually-hidden">{t("app.loggedInAs")} </span>
        <strong>{user.name}</strong>
        <span className="zk-account__role">{t(`roles.${user.role}`)}</span>
      </p>
      {can.readNotifications(user.role) ? <NotificationsLink /> : null}
      <LanguageSwitch />
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          void signOut().then(() => navigate("/login"));
        }}
      >
        {t("app.logout")}
      </Button>
    </>
  );
  const nav = (
    <nav className="zk-nav" aria-label={t("app.mainNav")}>
      <ul className="zk-nav__list">
        <NavItem to="/tenders">{t("nav.tenders")}</NavItem>
        {can.ownOrganisation(user.role) ? <NavItem to="/organisation">{t("nav.organisation")}</NavItem> : null}
        {can.manageUsers(user.role) ? <NavItem to="/users">{t("nav.users")}</NavItem> : null}
      </ul>
    </nav>
  );
  return (
    <UnreadProvider>
      <Frame brand={<Brand region={region.name} />} account={account} nav={nav}>
        <div className="zk-content">
          <Outlet />
        </div>
      </Frame>
    </UnreadProvider>
  );
}

/** The link to the notifications with the number of unread ones. */
function NotificationsLink(): ReactElement {
  const { t } = useTranslation();
  const { count } = useUnread();
  return (
    <AppLink to="/notifications" className="zk-notifications-link">
      {t("nav.notifications")}
      {count ? (
        <>
          {" "}
          <span className="zk-badge" aria-hidden="true">
            {count}
          </span>
          <span className="zk-visually-hidden">{t("notifications.unreadCount", { count })}</span>
        </>
      ) : null}
    </AppLink>
  );
}

/**
 * What a page shows until its data is ready: "loading" while it loads, and after a failure the page's
 * title with the error and a retry. A page returns this while `resource.status !== "ready"`.
 */
export function Pending(props: {
  resource: Exclude<Resource<unknown>, { status: "ready" }>;
  title: string;
  onRetry(): void;
}): ReactElement {
  const { t } = useTranslation();
  if (props.resource.status === "loading") return <Paragraph role="status">{t("app.loading")}</Paragraph>;
  return (
    <>
      <Heading1>{props.title}</Heading1>
      <ErrorAlert message={props.resource.message} onRetry={props.onRetry} />
    </>
  );
}

/** A load or save failure that is not about one field. */
export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <Alert type="error" role="alert">
      <Paragraph>{t("app.error", { message })}</Paragraph>
      {onRetry ? (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t("app.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
