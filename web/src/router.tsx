// The routes. Each page is its own chunk, loaded when first visited.
import { createBrowserRouter, Navigate } from "react-router";
import { Layout } from "./shell/Layout.tsx";
import { NotFound } from "./shell/NotFound.tsx";

export const router = createBrowserRouter([
  {
    path: "/login",
    lazy: async () => ({ Component: (await import("./accounts/LoginPage.tsx")).LoginPage }),
  },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/tenders" replace /> },
      { path: "tenders", lazy: async () => ({ Component: (await import("./tender/TendersPage.tsx")).TendersPage }) },
      {
        path: "tenders/:tenderId",
        lazy: async () => ({ Component: (await import("./tender/StructurePage.tsx")).StructurePage }),
      },
      {
        path: "tenders/:tenderId/timeline",
        lazy: async () => ({ Component: (await import("./tender/TimelinePage.tsx")).TimelinePage }),
      },
      { path: "users", lazy: async () => ({ Component: (await import("./accounts/UsersPage.tsx")).UsersPage }) },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
