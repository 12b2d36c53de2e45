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
  list: () => request<Notification[]>("GET", "/api/notifications"),
  markRead: (id: string) => request<unknown>("POST", `/api/notifications/${encodeURIComponent(id)}/read`),
};
