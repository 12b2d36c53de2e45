// In-app notifications: the user's own, and their organisation's.
import { request } from "../api.ts";

export interface Notification {
  id: string;
  kind: string;
  /** In Dutch, as stored; the page words the kinds it knows from `params` in the reader's language. */
  title: string;
  body: string;
  params: Record<string, string | number>;
  tenderId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const notificationsApi = {
  list: () => request<{ unread: number; notifications: Notification[] }>("GET", "/api/notifications"),
  markRead: (id: string) => request<Notification>("POST", `/api/notifications/${encodeURIComponent(id)}/read`),
};
