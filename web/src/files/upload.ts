// Uploading a file with its progress: fetch cannot report upload progress, XMLHttpRequest can.
// The server streams the file, checks its type by content and its size, and answers the stored
// file with its SHA-256, or a problem+json refusal that says why.
import { ApiError, type Problem } from "../api.ts";

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** What a page shows of one file on its way up. */
export type Upload =
  | { key: string; name: string; sizeBytes: number; state: "sending"; loaded: number; total: number }
  | { key: string; name: string; sizeBytes: number; state: "done"; file: StoredFile }
  | { key: string; name: string; sizeBytes: number; state: "refused"; error: ApiError };

/** Sends one file as multipart/form-data (field `file`) and reports the bytes sent so far. */
export function uploadFile(
  url: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve(data as StoredFile);
        return;
      }
      const problem: Problem =
        data && typeof data === "object" && "code" in data
          ? (data as Problem)
          : { type: "about:blank", title: xhr.statusText, status: xhr.status, code: "UNKNOWN" };
      reject(new ApiError(problem, null));
    };
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "NETWORK" }, null));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** "12,3 kB", "4,5 MB": sizes for people. */
export function formatSize(bytes: number, language: string): string {
  const locale = language.startsWith("en") ? "en-GB" : "nl-NL";
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
