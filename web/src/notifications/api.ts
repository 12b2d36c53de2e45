// In-app notifications: the user's own, and their organisation's.
import { request } from "../api.ts";

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  tenderId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const notificationsApi = {
  list: () => request<{ unread: number; notifications: Notification[] }>("GET", "/api/notifications"),
  markRead: (id: string) => request<Notification>("POST", `/api/notifications/${encodeURIComponent(id)}/read`),
};
