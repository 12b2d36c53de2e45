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
    path: "/register",
    lazy: async () => ({ Component: (await import("./organisations/RegisterPage.tsx")).RegisterPage }),
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
      {
        path: "tenders/:tenderId/requirements",
        lazy: async () => ({ Component: (await import("./requirements/RequirementsPage.tsx")).RequirementsPage }),
      },
      {
        path: "tenders/:tenderId/my-bids",
        lazy: async () => ({ Component: (await import("./bidding/MyBidsPage.tsx")).MyBidsPage }),
      },
      {
        path: "tenders/:tenderId/bids",
        lazy: async () => ({ Component: (await import("./bidding/RegistrationsPage.tsx")).RegistrationsPage }),
      },
      {
        path: "tenders/:tenderId/sessions",
        lazy: async () => ({ Component: (await import("./dialogue/SessionsPage.tsx")).SessionsPage }),
      },
      {
        path: "sessions/:sessionId",
        lazy: async () => ({ Component: (await import("./dialogue/SessionPage.tsx")).SessionPage }),
      },
      {
        path: "tenders/:tenderId/qa",
        lazy: async () => ({ Component: (await import("./qa/QaPage.tsx")).QaPage }),
      },
      {
        path: "tenders/:tenderId/qa/work",
        lazy: async () => ({ Component: (await import("./qa/WorkPage.tsx")).WorkPage }),
      },
      {
        path: "qa/questions/:questionId",
        lazy: async () => ({ Component: (await import("./qa/QuestionPage.tsx")).QuestionPage }),
      },
      { path: "bids/:bidId", lazy: async () => ({ Component: (await import("./bidding/BidPage.tsx")).BidPage }) },
      {
        path: "bids/:bidId/receipts/:version",
        lazy: async () => ({ Component: (await import("./bidding/ReceiptPage.tsx")).ReceiptPage }),
      },
      {
        path: "organisation",
        lazy: async () => ({ Component: (await import("./organisations/OrganisationPage.tsx")).OrganisationPage }),
      },
      {
        path: "combinations/:combinationId",
        lazy: async () => ({ Component: (await import("./organisations/CombinationPage.tsx")).CombinationPage }),
      },
      {
        path: "notifications",
        lazy: async () => ({ Component: (await import("./notifications/NotificationsPage.tsx")).NotificationsPage }),
      },
      { path: "users", lazy: async () => ({ Component: (await import("./accounts/UsersPage.tsx")).UsersPage }) },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
