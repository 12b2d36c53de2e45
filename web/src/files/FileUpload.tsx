// Choosing files and sending them with a progress bar each. A file the server refuses (too large, a
// type it does not accept) shows why next to its name; the others go on.
import { FormField, FormFieldDescription, FormLabel } from "@utrecht/component-library-react";
import { type ReactElement, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { formatSize, type StoredFile, type Upload, uploadFile } from "./upload.ts";

interface Props {
  id: string;
  label: string;
  /** Where to POST each file (multipart/form-data, field `file`). */
  url: string;
  multiple?: boolean;
  disabled?: boolean;
  onUploaded(file: StoredFile): void;
}

export const ACCEPTED = ".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg";

let counter = 0;

export function FileUpload({ id, label, url, multiple = true, disabled, onUploaded }: Props): ReactElement {
  const { t, i18n } = useTranslation();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const descriptionId = `${id}-description`;

  const update = (key: string, change: (upload: Upload) => Upload) =>
    setUploads((all) => all.map((u) => (u.key === key ? change(u) : u)));

  async function send(files: File[]) {
    const started = files.map((file) => ({
      key: `upload-${++counter}`,
      name: file.name,
      sizeBytes: file.size,
      state: "sending" as const,
      loaded: 0,
      total: file.size,
    }));
    // Finished uploads of earlier rounds stay listed until the page shows them as attachments.
    setUploads((all) => [...all.filter((u) => u.state === "sending"), ...started]);
    setAnnouncement(t("files.sending", { count: files.length }));
    await Promise.all(
      files.map(async (file, index) => {
        const key = started[index]!.key;
        try {
          const stored = await uploadFile(url, file, (loaded, total) =>
            update(key, (u) => ({ ...u, state: "sending", loaded, total }) as Upload),
          );
          update(key, (u) => ({ key: u.key, name: u.name, sizeBytes: u.sizeBytes, state: "done", file: stored }));
          setAnnouncement(t("files.done", { name: file.name }));
          onUploaded(stored);
        } catch (error) {
          const refusal =
            error instanceof ApiError
              ? error
              : new ApiError({ type: "about:blank", title: String(error), status: 0, code: "UNKNOWN" }, null);
          update(key, (u) => ({ key: u.key, name: u.name, sizeBytes: u.sizeBytes, state: "refused", error: refusal }));
        }
      }),
    );
    if (input.current) input.current.value = "";
  }

  return (
    <div className="zk-upload">
      <FormField
        className="zk-field"
        label={<FormLabel htmlFor={id}>{label}</FormLabel>}
        description={<FormFieldDescription id={descriptionId}>{t("files.hint")}</FormFieldDescription>}
        input={
          <input
            ref={input}
            id={id}
            name={id}
            type="file"
            className="zk-file-input"
            multiple={multiple}
            accept={ACCEPTED}
            disabled={disabled}
            aria-describedby={descriptionId}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              if (files.length > 0) void send(files);
            }}
          />
        }
      />
      <div role="status" className="zk-visually-hidden">
        {announcement}
      </div>
      {uploads.length > 0 ? (
        <ul className="zk-uploads" aria-label={t("files.progressList", { label })}>
          {uploads.map((upload) => (
            <li key={upload.key} className={`zk-uploads__item zk-uploads__item--${upload.state}`}>
              <span className="zk-uploads__name">
                {upload.name} <span className="zk-muted">({formatSize(upload.sizeBytes, i18n.language)})</span>
              </span>
              <UploadState upload={upload} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function UploadState({ upload }: { upload: Upload }): ReactElement {
  const { t } = useTranslation();
  if (upload.state === "refused") {
    return (
      <span role="alert" className="zk-error-text zk-block">
        {refusalOf(upload.error, upload.name, t)}
      </span>
    );
  }
  const percent =
    upload.state === "done" ? 100 : upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0;
  const progressId = `${upload.key}-progress`;
  return (
    <span className="zk-uploads__progress">
      <progress
        id={progressId}
        max={100}
        value={percent}
        aria-label={t("files.progress", { name: upload.name })}
        aria-valuetext={`${percent}%`}
      />
      <span className="zk-uploads__percent" aria-hidden="true">
        {percent}%
      </span>
      {upload.state === "done" ? <span className="zk-uploads__done">{t("files.uploaded")}</span> : null}
    </span>
  );
}

/** Why the server refused a file, in the user's language. */
export function refusalOf(
  error: ApiError,
  name: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const detail = error.problem.detail ?? "";
  if (error.rule === "file_too_large" || error.problem.status === 413) {
    const limit = /(\d+(?:\.\d+)?)\s*MB/i.exec(detail)?.[1];
    return limit ? t("files.tooLargeLimit", { name, limit }) : t("files.tooLarge", { name });
  }
  if (error.rule === "file_extension_mismatch") {
    const extension = /rename it to (\.[a-z0-9]+)/i.exec(detail)?.[1];
    return t("files.extensionMismatch", { name, extension: extension ?? "" });
  }
  if (error.rule === "file_type_not_allowed" || error.problem.status === 415) {
    const detected = /plain text/.test(detail) ? "text/plain" : /\b([a-z]+\/[a-z0-9.+-]+)/i.exec(detail)?.[1];
    return detected ? t("files.wrongTypeDetected", { name, detected }) : t("files.wrongType", { name });
  }
  if (error.rule === "file_empty") return t("files.empty", { name });
  if (error.rule === "closed") return t("files.closed", { name });
  if (error.rule === "submitted") return t("files.submitted", { name });
  if (error.code === "NETWORK") return t("files.network", { name });
  return t("files.failed", { name, detail: error.problem.detail ?? error.problem.title });
}
