// One combination (samenwerkingsverband): its members with their qualifications and responsibilities,
// and the draft covenant. The lead member (penvoerder) adds, changes and removes members and uploads
// the covenant; the other members read it.
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
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
import { useLocation, useParams } from "react-router";
import { formatMoment } from "../dates.ts";
import { FileUpload } from "../files/FileUpload.tsx";
import { formatSize } from "../files/upload.ts";
import { refusalText } from "../forms.tsx";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { type Combination, type Member, organisationsApi } from "./api.ts";
import { CombinationDetailsForm } from "./CombinationDetailsForm.tsx";
import { MemberForm } from "./MemberForm.tsx";

export function CombinationPage(): ReactElement {
  const { t } = useTranslation();
  const { combinationId = "" } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [combination, { reload, set }] = useResource(
    () => organisationsApi.combination(combinationId),
    [combinationId],
  );
  const [announcement, setAnnouncement] = useState(created ? t("combination.created") : "");
  usePageTitle(combination.status === "ready" ? combination.data.name : t("combination.title"));

  if (combination.status !== "ready")
    return <Pending resource={combination} title={t("combination.title")} onRetry={reload} />;
  const refresh = async (message: string) => {
    set(await organisationsApi.combination(combinationId));
    setAnnouncement(message);
  };
  return <CombinationView combination={combination.data} announcement={announcement} onChanged={refresh} />;
}

interface ViewProps {
  combination: Combination;
  announcement: string;
  onChanged(message: string): Promise<void>;
}

function CombinationView({ combination, announcement, onChanged }: ViewProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const isLead = user.organisationId === combination.leadMemberId;
  const [editing, setEditing] = useState<Member | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lead = combination.members.find((m) => m.organisationId === combination.leadMemberId);
  const covenant = combination.covenant;

  async function remove(member: Member) {
    setError(null);
    try {
      await organisationsApi.removeMember(combination.id, member.organisationId);
      await onChanged(t("combination.removed", { name: member.name }));
    } catch (e) {
      setError(refusalText(e, t));
    }
  }

  return (
    <>
      <Heading1>{combination.name}</Heading1>
      <Paragraph lead>{t("combination.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/organisation">{t("combination.back")}</AppLink>
      </Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      {error ? (
        <p role="alert" className="zk-error-text">
          {error}
        </p>
      ) : null}

      <DataList className="zk-facts zk-facts--summary">
        <DataListItem>
          <DataListKey>{t("organisation.legalForm")}</DataListKey>
          <DataListValue>{t(`legalForm.${combination.legalForm}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("organisation.kvkNumber")}</DataListKey>
          <DataListValue>{combination.kvkNumber ?? t("combination.noKvk")}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("combination.lead")}</DataListKey>
          <DataListValue>{lead?.name ?? "—"}</DataListValue>
        </DataListItem>
      </DataList>
      {!isLead ? <p className="zk-muted">{t("combination.readOnly")}</p> : null}
      {isLead && editingDetails ? (
        <CombinationDetailsForm
          combination={combination}
          onCancel={() => {
            setEditingDetails(false);
            requestAnimationFrame(() => document.getElementById("edit-combination")?.focus());
          }}
          onSaved={async () => {
            setEditingDetails(false);
            await onChanged(t("combination.detailsSaved"));
          }}
        />
      ) : isLead ? (
        <Button id="edit-combination" appearance="secondary-action-button" onClick={() => setEditingDetails(true)}>
          {t("combination.editDetails")}
        </Button>
      ) : null}

      <section aria-labelledby="members-heading" className="zk-section">
        <Heading2 id="members-heading">
          {t("combination.members")} <span className="zk-count">({combination.members.length})</span>
        </Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("combination.membersCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("organisation.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("organisation.kvkNumber")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("combination.qualifications")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("combination.responsibilities")}</TableHeaderCell>
                {isLead ? <TableHeaderCell scope="col">{t("users.actions")}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {combination.members.map((member) => (
                <TableRow key={member.organisationId}>
                  <TableHeaderCell scope="row">
                    {member.name}
                    {member.organisationId === combination.leadMemberId ? (
                      <span className="zk-tag">{t("combination.lead")}</span>
                    ) : null}
                  </TableHeaderCell>
                  <TableCell>{member.kvkNumber ?? "—"}</TableCell>
                  <TableCell className="zk-prewrap">{member.qualifications || "—"}</TableCell>
                  <TableCell className="zk-prewrap">{member.responsibilities || "—"}</TableCell>
                  {isLead ? (
                    <TableCell>
                      <div className="zk-row-actions">
                        <Button
                          id={`edit-member-${member.organisationId}`}
                          appearance="secondary-action-button"
                          onClick={() => setEditing(member)}
                        >
                          {t("structure.edit")}
                          <span className="zk-visually-hidden"> {member.name}</span>
                        </Button>
                        {member.organisationId !== combination.leadMemberId ? (
                          <Button appearance="subtle-button" hint="danger" onClick={() => void remove(member)}>
                            {t("combination.remove")}
                            <span className="zk-visually-hidden"> {member.name}</span>
                          </Button>
                        ) : null}
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {isLead && editing ? (
          <MemberForm
            key={editing.organisationId}
            combinationId={combination.id}
            member={editing}
            onCancel={() => {
              const back = editing.organisationId;
              setEditing(null);
              requestAnimationFrame(() => document.getElementById(`edit-member-${back}`)?.focus());
            }}
            onSaved={async (name) => {
              setEditing(null);
              await onChanged(t("combination.memberSaved", { name }));
            }}
          />
        ) : null}
        {isLead && !editing ? (
          <MemberForm
            combinationId={combination.id}
            member={null}
            onSaved={(name) => onChanged(t("combination.memberAdded", { name }))}
          />
        ) : null}
      </section>

      <section aria-labelledby="covenant-heading" className="zk-section">
        <Heading2 id="covenant-heading">{t("combination.covenant")}</Heading2>
        <Paragraph>{t("combination.covenantIntro")}</Paragraph>
        {covenant ? (
          <DataList className="zk-facts zk-facts--summary">
            <DataListItem>
              <DataListKey>{t("files.name")}</DataListKey>
              <DataListValue>
                <a className="utrecht-link" href={organisationsApi.covenantUrl(combination.id)} download>
                  {covenant.name}
                </a>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("files.size")}</DataListKey>
              <DataListValue>{formatSize(covenant.sizeBytes, i18n.language)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("files.uploadedAt")}</DataListKey>
              <DataListValue>{formatMoment(covenant.uploadedAt, i18n.language)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>SHA-256</DataListKey>
              <DataListValue>
                <code className="zk-code zk-hash">{covenant.sha256}</code>
              </DataListValue>
            </DataListItem>
          </DataList>
        ) : (
          <Paragraph>{t("combination.noCovenant")}</Paragraph>
        )}
        {isLead ? (
          <FileUpload
            id="covenant-file"
            label={covenant ? t("combination.replaceCovenant") : t("combination.uploadCovenant")}
            url={organisationsApi.covenantUrl(combination.id)}
            multiple={false}
            onUploaded={(file) => void onChanged(t("files.done", { name: file.name }))}
          />
        ) : null}
      </section>
    </>
  );
}
