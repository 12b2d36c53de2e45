// The files attached to one part of a bid (a requirement's evidence, a criterion's dossier): their
// names with size and SHA-256, a way to detach one, and the upload field for more.
import { Button } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { FileUpload } from "../files/FileUpload.tsx";
import { formatSize, type StoredFile } from "../files/upload.ts";
import { biddingApi } from "./api.ts";

interface Props {
  id: string;
  label: string;
  bidId: string;
  fileIds: string[];
  files: ReadonlyMap<string, StoredFile>;
  /** Attached files may be detached (the content can change). */
  editable: boolean;
  /** New files may be uploaded (the server accepts files for this bid now). */
  canUpload: boolean;
  onUploaded(file: StoredFile): void;
  onRemove(fileId: string): void;
}

export function Attachments(props: Props): ReactElement {
  const { id, label, bidId, fileIds, files, editable, canUpload, onUploaded, onRemove } = props;
  const { t, i18n } = useTranslation();
  return (
    <div className="zk-attachments">
      {fileIds.length > 0 ? (
        <ul className="zk-attachments__list" aria-label={t("files.attached", { label })}>
          {fileIds.map((fileId) => {
            const file = files.get(fileId);
            return (
              <li key={fileId} className="zk-attachments__item">
                {file ? (
                  <>
                    <a className="utrecht-link" href={biddingApi.fileUrl(fileId)} download>
                      {file.name}
                    </a>{" "}
                    <span className="zk-muted">({formatSize(file.sizeBytes, i18n.language)})</span>
                  </>
                ) : (
                  <span className="zk-muted">{t("files.unknown")}</span>
                )}
                {editable ? (
                  <Button appearance="subtle-button" hint="danger" onClick={() => onRemove(fileId)}>
                    {t("files.remove")}
                    <span className="zk-visually-hidden"> {file?.name ?? fileId}</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable && canUpload ? (
        <FileUpload id={id} label={label} url={biddingApi.filesUrl(bidId)} onUploaded={onUploaded} />
      ) : null}
    </div>
  );
}
