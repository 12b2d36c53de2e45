// The bid form of one segment: what it covers, the answers to the minimum requirements, the dossier
// per criterion, references and subcontractors; the completeness the server reports; saving,
// submitting (with a receipt), withdrawing.
import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  StatusBadge,
} from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError, type Tender } from "../api.ts";
import { formatMoment } from "../dates.ts";
import type { StoredFile } from "../files/upload.ts";
import { FormError, refusalText, serverFieldMessage } from "../forms.tsx";
import type { Criterion, Requirement } from "../requirements/api.ts";
import { useMe } from "../session.tsx";
import { AppLink } from "../shell/links.tsx";
import { type Bid, biddingApi, type MyBids } from "./api.ts";
import { applicableRequirements, type SegmentPlace, serverFieldTarget } from "./applicable.ts";
import { BidContentView } from "./BidDetail.tsx";
import { CompletenessPanel, focusField } from "./CompletenessPanel.tsx";
import { ClosingTime } from "./Countdown.tsx";
import { type FormState, formProblems, fromContent, toContent } from "./formState.ts";
import { Submissions } from "./Submissions.tsx";
import { ChoicesSection } from "./sections/ChoicesSection.tsx";
import { DossierSection } from "./sections/DossierSection.tsx";
import { ReferencesSection, SubcontractorsSection } from "./sections/ListsSection.tsx";
import { RequirementsSection } from "./sections/RequirementsSection.tsx";

interface Props {
  bid: Bid;
  tender: Tender;
  place: SegmentPlace;
  allRequirements: Requirement[];
  criteria: Criterion[];
  files: StoredFile[];
  mine: MyBids;
  onReplaced(next: { bid?: Bid; files?: StoredFile[] }): void;
  onReload(): void;
}

export function BidForm(props: Props): ReactElement {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const navigate = useNavigate();
  const { tender, place, criteria, mine } = props;
  const [bid, setBid] = useState(props.bid);
  const [state, setState] = useState<FormState>(() => fromContent(props.bid.content));
  const [files, setFiles] = useState(() => new Map(props.files.map((f) => [f.id, f])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState<"save" | "submit" | "withdraw" | null>(null);
  const [dirty, setDirty] = useState(false);
  const [closedNow, setClosedNow] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const completenessHeading = useRef<HTMLHeadingElement>(null);
  // The state as of the last render, for uploads that finish while the user goes on typing.
  const latest = useRef(state);
  latest.current = state;
  const open = mine.open && !closedNow;
  // A submitted bid is withdrawn before it changes, its files included (the server's rules).
  const editable = open && bid.status !== "submitted";
  const canUpload = editable;
  const requirements = useMemo(
    () => applicableRequirements(props.allRequirements, place, state.subsegmentIds),
    [props.allRequirements, place, state.subsegmentIds],
  );
  const last = bid.submissions.at(-1) ?? null;

  const change = (next: FormState) => {
    setState(next);
    setDirty(true);
  };

  async function save(current: FormState, announce: boolean): Promise<Bid | null> {
    setFormError(null);
    const problems = formProblems(current, t);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      setFormError(t("validation.summary"));
      focusField(first);
      return null;
    }
    const content = toContent(current);
    setBusy("save");
    try {
      const saved = await biddingApi.saveContent(bid.id, content);
      setBid(saved);
      props.onReplaced({ bid: saved });
      setDirty(false);
      if (announce) setAnnouncement(t("bid.saved", { time: formatMoment(saved.updatedAt, i18n.language) }));
      return saved;
    } catch (error) {
      const found: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fieldErrors())) {
          const target = serverFieldTarget(path.replace(/^content\.?/, ""), content);
          if (target) found[target] ??= serverFieldMessage(message, t);
        }
      }
      setErrors(found);
      setFormError(Object.keys(found).length > 0 ? t("validation.summary") : refusalText(error, t));
      const firstError = Object.keys(found)[0];
      if (firstError) focusField(firstError);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    const saved = await save(state, false);
    if (!saved) return;
    if (!saved.completeness.complete) {
      setAnnouncement(t("bid.notComplete", { count: saved.completeness.missing.length }));
      completenessHeading.current?.focus();
      return;
    }
    setBusy("submit");
    try {
      const receipt = await biddingApi.submit(bid.id);
      navigate(`/bids/${bid.id}/receipts/${receipt.version}`, { state: { receipt } });
    } catch (error) {
      setFormError(refusalText(error, t));
      setBusy(null);
    }
  }

  async function withdraw() {
    setBusy("withdraw");
    setFormError(null);
    try {
      const next = await biddingApi.withdraw(bid.id);
      setBid(next);
      props.onReplaced({ bid: next });
      setConfirmWithdraw(false);
      setAnnouncement(t("bid.withdrawn"));
    } catch (error) {
      setFormError(refusalText(error, t));
    } finally {
      setBusy(null);
    }
  }

  function uploaded(file: StoredFile, link: (current: FormState) => FormState) {
    setFiles((all) => new Map(all).set(file.id, file));
    // The file is stored; linking it to its answer is part of the content, so save that at once.
    const next = link(latest.current);
    latest.current = next;
    setState(next);
    // Half-filled fields (an answer without yes or no) wait for the user's own save.
    if (Object.keys(formProblems(next, t)).length > 0) {
      setDirty(true);
      setAnnouncement(t("bid.fileUnsaved", { name: file.name }));
      return;
    }
    void save(next, false).then((saved) => {
      if (saved) setAnnouncement(t("bid.fileLinked", { name: file.name }));
    });
  }

  return (
    <>
      <Heading1>{t("bid.title", { segment: place.segment.name })}</Heading1>
      <Paragraph lead>
        {t("bid.lead", { bidder: bid.bidderName, tender: tender.name, lot: place.lotName })}{" "}
        <StatusBadge
          status={bid.status === "submitted" ? "active" : bid.status === "withdrawn" ? "inactive" : "warning"}
        >
          {t(`bidStatus.${bid.status}`)}
        </StatusBadge>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/tenders/${tender.id}/my-bids`}>{t("bid.back", { tender: tender.name })}</AppLink>
      </Paragraph>

      <div className="zk-panel zk-section">
        <ClosingTime closesAt={mine.closesAt} serverTime={mine.serverTime} onClosed={() => setClosedNow(true)} />
      </div>

      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>
      <FormError message={formError} />

      {bid.submissions.length > 0 ? (
        <section aria-labelledby="submissions-heading" className="zk-section">
          <Heading2 id="submissions-heading">{t("bid.submissions")}</Heading2>
          {bid.status === "submitted" && last ? (
            <Alert type="ok">
              <Paragraph>
                {t("bid.submittedAt", { version: last.version, time: formatMoment(last.submittedAt, i18n.language) })}
              </Paragraph>
            </Alert>
          ) : null}
          <Submissions bidId={bid.id} submissions={bid.submissions} />
          {open && bid.status === "submitted" ? (
            confirmWithdraw ? (
              <fieldset className="zk-panel zk-fieldset">
                <legend className="zk-fieldset__legend">{t("bid.withdrawQuestion")}</legend>
                <ButtonGroup>
                  <Button
                    appearance="primary-action-button"
                    hint="danger"
                    busy={busy === "withdraw"}
                    disabled={busy !== null}
                    onClick={() => void withdraw()}
                  >
                    {t("bid.withdrawConfirm")}
                  </Button>
                  <Button appearance="secondary-action-button" onClick={() => setConfirmWithdraw(false)}>
                    {t("structure.cancel")}
                  </Button>
                </ButtonGroup>
              </fieldset>
            ) : (
              <Button appearance="secondary-action-button" hint="danger" onClick={() => setConfirmWithdraw(true)}>
                {t("bid.withdraw")}
              </Button>
            )
          ) : null}
        </section>
      ) : null}

      {!open ? (
        <Alert type="info">
          <Paragraph>{t("bid.readOnly")}</Paragraph>
        </Alert>
      ) : bid.status === "submitted" ? (
        <Alert type="info">
          <Paragraph>{t("bid.submittedReadOnly")}</Paragraph>
        </Alert>
      ) : bid.status === "withdrawn" ? (
        <Alert type="warning">
          <Paragraph>{t("bid.withdrawnRework")}</Paragraph>
        </Alert>
      ) : null}

      {editable ? (
        <div className="zk-bid-layout">
          <aside className="zk-bid-layout__aside" aria-label={t("bid.completeness")}>
            <CompletenessPanel
              ref={completenessHeading}
              completeness={bid.completeness}
              content={bid.content}
              requirements={props.allRequirements}
              criteria={criteria}
              partyPages={{
                bidder: bid.bidderId === user.organisationId ? "/organisation" : `/combinations/${bid.bidderId}`,
                organisation: "/organisation",
              }}
            />
            {dirty ? <p className="zk-hint">{t("bid.unsaved")}</p> : null}
          </aside>
          <form
            className="zk-bid-layout__form"
            noValidate
            aria-label={t("bid.form")}
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void save(state, true);
            }}
          >
            <ChoicesSection
              segment={place.segment}
              municipalities={tender.municipalities}
              state={state}
              errors={errors}
              onChange={(c) => change({ ...state, ...c })}
            />
            <RequirementsSection
              bidId={bid.id}
              requirements={requirements}
              answers={state.answers}
              files={files}
              errors={errors}
              editable={editable}
              canUpload={canUpload}
              hasSubsegments={place.segment.subsegments.length > 0}
              onChange={(id, answer) => change({ ...state, answers: { ...state.answers, [id]: answer } })}
              onUploaded={(id, file) =>
                uploaded(file, (current) => {
                  const answer = current.answers[id] ?? { met: null, evidence: "", fileIds: [] };
                  return {
                    ...current,
                    answers: { ...current.answers, [id]: { ...answer, fileIds: [...answer.fileIds, file.id] } },
                  };
                })
              }
            />
            <DossierSection
              bidId={bid.id}
              criteria={criteria}
              dossier={state.dossier}
              files={files}
              errors={errors}
              editable={editable}
              canUpload={canUpload}
              onChange={(id, entry) => change({ ...state, dossier: { ...state.dossier, [id]: entry } })}
              onUploaded={(id, file) =>
                uploaded(file, (current) => {
                  const entry = current.dossier[id] ?? { text: "", fileIds: [] };
                  return {
                    ...current,
                    dossier: { ...current.dossier, [id]: { ...entry, fileIds: [...entry.fileIds, file.id] } },
                  };
                })
              }
            />
            <ReferencesSection
              references={state.references}
              errors={errors}
              editable={editable}
              onChange={(references) => change({ ...state, references })}
            />
            <SubcontractorsSection
              subcontractors={state.subcontractors}
              errors={errors}
              editable={editable}
              onChange={(subcontractors) => change({ ...state, subcontractors })}
            />
            <ButtonGroup className="zk-bid-actions">
              <Button
                type="submit"
                appearance="secondary-action-button"
                busy={busy === "save"}
                disabled={busy !== null}
              >
                {busy === "save" ? t("structure.saving") : t("bid.save")}
              </Button>
              <Button
                appearance="primary-action-button"
                busy={busy === "submit"}
                disabled={busy !== null}
                onClick={() => void submit()}
              >
                {bid.status === "withdrawn" ? t("bid.resubmit") : t("bid.submit")}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      ) : (
        <BidContentView
          content={bid.content}
          tender={tender}
          place={place}
          requirements={applicableRequirements(props.allRequirements, place, bid.content.subsegmentIds)}
          criteria={criteria}
          files={[...files.values()]}
        />
      )}
    </>
  );
}
