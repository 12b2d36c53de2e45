// The routes. Each page is its own chunk, loaded when first visited.
import { Heading1, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Navigate } from "react-router";
import { Layout } from "./shell/Layout.tsx";
import { AppLink } from "./shell/links.tsx";
import { usePageTitle } from "./shell/usePageTitle.ts";

function NotFound(): ReactElement {
  const { t } = useTranslation();
  usePageTitle(t("app.notFound"));
  return (
    <>
      <Heading1>{t("app.notFound")}</Heading1>
      <Paragraph>{t("app.notFoundText")}</Paragraph>
      <Paragraph>
        <AppLink to="/tenders">{t("app.backToOverview")}</AppLink>
      </Paragraph>
    </>
  );
}

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
