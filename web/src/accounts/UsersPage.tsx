// The administrator's user management: the list, adding a user, disabling, enabling and unlocking.
import {
  Alert,
  Button,
  Code,
  Heading1,
  Heading2,
  Paragraph,
  StatusBadge,
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
import { api, type Organisation, type Tender, type User } from "../api.ts";
import { formatDateTime } from "../dates.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { UserForm } from "./UserForm.tsx";

interface Data {
  users: User[];
  organisations: Organisation[];
  tenders: Tender[];
}

async function load(): Promise<Data> {
  const [users, organisations, summaries] = await Promise.all([api.users(), api.organisations(), api.tenders()]);
  const tenders = await Promise.all(summaries.map((s) => api.tender(s.id)));
  return { users, organisations, tenders };
}

export function UsersPage(): ReactElement {
  const { user } = useMe();
  // The navigation hides the page from other roles; a typed-in address gets "not found".
  return can.manageUsers(user.role) ? <Users /> : <NotFound />;
}

function Users(): ReactElement {
  const { t } = useTranslation();
  const { region } = useMe();
  const [data, { reload, set }] = useResource(load, []);
  const [announcement, setAnnouncement] = useState("");
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  usePageTitle(t("users.title"));

  if (data.status !== "ready") return <Pending resource={data} title={t("users.title")} onRetry={reload} />;
  const { users, organisations, tenders } = data.data;
  const replace = (user: User) => set({ ...data.data, users: users.map((u) => (u.id === user.id ? user : u)) });

  return (
    <>
      <Heading1>{t("users.title")}</Heading1>
      <Paragraph lead>{t("users.intro", { region: region.name })}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      {created ? (
        <Alert type="ok" className="zk-initial-password">
          <Paragraph>{t("users.initialPassword", { email: created.email })}</Paragraph>
          <Paragraph>
            <Code className="zk-secret">{created.password}</Code>
          </Paragraph>
          <Paragraph small>{t("users.initialPasswordOnce")}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="users-heading" className="zk-section">
        <Heading2 id="users-heading" className="zk-visually-hidden">
          {t("users.caption")}
        </Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("users.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("users.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.role")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.link")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("users.actions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  organisations={organisations}
                  onChanged={(changed) => {
                    replace(changed);
                    setAnnouncement(t("users.changed", { name: changed.name }));
                  }}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="add-user-heading" className="zk-section">
        <Heading2 id="add-user-heading">{t("users.add")}</Heading2>
        <Paragraph>{t("users.addIntro")}</Paragraph>
        <UserForm
          organisations={organisations}
          municipalities={region.municipalities}
          tenders={tenders}
          onAdded={(user) => {
            const { initialPassword, ...rest } = user;
            set({ ...data.data, users: [...users, rest] });
            setCreated(initialPassword ? { email: user.email, password: initialPassword } : null);
            setAnnouncement(t("users.added", { name: user.name }));
          }}
        />
      </section>
    </>
  );
}

function UserRow(props: { user: User; organisations: Organisation[]; onChanged(user: User): void }): ReactElement {
  const { user, organisations } = props;
  const { t, i18n } = useTranslation();
  const { region, user: me } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();

  const link =
    user.role === "provider"
      ? organisations.find((o) => o.id === user.organisationId)?.name
      : user.role === "municipality_viewer"
        ? region.municipalities.find((m) => m.id === user.municipalityId)?.name
        : user.role === "assessor"
          ? t("users.segmentCount", { count: user.segmentIds.length })
          : null;

  async function change(body: { disabled?: boolean; unlock?: boolean }) {
    setBusy(true);
    setError(null);
    try {
      props.onChanged(await api.changeUser(user.id, body));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {user.name}
        <span className="zk-muted zk-block">{user.email}</span>
      </TableHeaderCell>
      <TableCell>{t(`roles.${user.role}`)}</TableCell>
      <TableCell>{link ?? "—"}</TableCell>
      <TableCell>
        {user.disabled ? (
          <StatusBadge status="inactive">{t("users.disabled")}</StatusBadge>
        ) : locked && user.lockedUntil ? (
          <StatusBadge status="warning">
            {t("users.lockedUntil", { time: formatDateTime(user.lockedUntil, i18n.language) })}
          </StatusBadge>
        ) : (
          <StatusBadge status="active">{t("users.active")}</StatusBadge>
        )}
      </TableCell>
      <TableCell>
        <div className="zk-row-actions">
          {user.id === me.id ? null : user.disabled ? (
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => change({ disabled: false })}>
              {t("users.enable")}
              <span className="zk-visually-hidden"> {user.name}</span>
            </Button>
          ) : (
            <Button
              appearance="secondary-action-button"
              hint="danger"
              disabled={busy}
              onClick={() => change({ disabled: true })}
            >
              {t("users.disable")}
              <span className="zk-visually-hidden"> {user.name}</span>
            </Button>
          )}
          {locked ? (
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => change({ unlock: true })}>
              {t("users.unlock")}
              <span className="zk-visually-hidden"> {user.name}</span>
            </Button>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="zk-error-text">
            {error}
          </p>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
