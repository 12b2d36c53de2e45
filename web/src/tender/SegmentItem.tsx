// One segment in the structure tree: its facts, its subsegments, and (for an officer) the editors.
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Heading4,
} from "@utrecht/component-library-react";
import { type ReactElement, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Segment, Tender } from "../api.ts";
import { formatDate } from "../dates.ts";
import { financingLabel, numberToSelectLabel } from "./labels.ts";
import { SegmentForm } from "./SegmentForm.tsx";
import { SubsegmentForm } from "./SubsegmentForm.tsx";

interface Props {
  tenderId: string;
  segment: Segment;
  editable: boolean;
  onSaved(tender: Tender, message: string): void;
}

export function SegmentItem({ tenderId, segment, editable, onSaved }: Props): ReactElement {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<"view" | "edit" | "add">("view");
  const editButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = `segment-${segment.id}`;

  const close = (focus: "edit" | "add") => {
    setMode("view");
    requestAnimationFrame(() => (focus === "edit" ? editButton : addButton).current?.focus());
  };

  return (
    <li className="zk-segment">
      <div className="zk-segment__head">
        <div>
          <Heading3 id={headingId} className="zk-segment__name">
            {segment.name}
          </Heading3>
          {segment.formerName ? (
            <p className="zk-muted zk-segment__former">
              {t("structure.formerName")}: {segment.formerName}
            </p>
          ) : null}
        </div>
        {editable && mode === "view" ? (
          <Button ref={editButton} appearance="secondary-action-button" onClick={() => setMode("edit")}>
            {t("structure.edit")}
            <span className="zk-visually-hidden"> {segment.name}</span>
          </Button>
        ) : null}
      </div>

      {mode === "edit" ? (
        <SegmentForm
          tenderId={tenderId}
          segment={segment}
          onCancel={() => close("edit")}
          onSaved={(tender) => {
            onSaved(tender, t("structure.saved", { name: segment.name }));
            close("edit");
          }}
        />
      ) : (
        <DataList className="zk-facts">
          <DataListItem>
            <DataListKey>{t("structure.financing")}</DataListKey>
            <DataListValue>{financingLabel(segment.financing, t)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("structure.contractStart")}</DataListKey>
            <DataListValue>{formatDate(segment.contractStart, i18n.language) ?? t("structure.notSet")}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("structure.numberToSelect")}</DataListKey>
            <DataListValue>{numberToSelectLabel(segment.numberToSelect, t)}</DataListValue>
          </DataListItem>
        </DataList>
      )}

      <Heading4 className="zk-subsegments__title">
        {t("structure.subsegments")} <span className="zk-count">({segment.subsegments.length})</span>
      </Heading4>
      {segment.subsegments.length === 0 ? (
        <p className="zk-muted">{t("structure.noSubsegments")}</p>
      ) : (
        <ul className="zk-subsegments">
          {segment.subsegments.map((sub) => (
            <li key={sub.id} className="zk-subsegment">
              <span className="zk-subsegment__name">
                {sub.name}
                {sub.description ? <span className="zk-muted zk-block">{sub.description}</span> : null}
              </span>
              <span className={sub.financingOverride ? "zk-financing zk-financing--override" : "zk-financing"}>
                {financingLabel(sub.financing, t)}
                {sub.financingOverride ? (
                  <span className="zk-block zk-financing__note">{t("structure.override")}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        mode === "add" ? (
          <SubsegmentForm
            tenderId={tenderId}
            segment={segment}
            onCancel={() => close("add")}
            onSaved={(tender, name) => {
              onSaved(tender, t("structure.added", { name }));
              close("add");
            }}
          />
        ) : (
          <Button ref={addButton} appearance="subtle-button" className="zk-add" onClick={() => setMode("add")}>
            + {t("structure.addSubsegment")}
            <span className="zk-visually-hidden"> ({segment.name})</span>
          </Button>
        )
      ) : null}
    </li>
  );
}
