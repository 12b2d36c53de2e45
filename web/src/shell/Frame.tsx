// The page frame every page shares: skip link, header, optional navigation, main and footer.
import { PageFooter, PageHeader, Paragraph, SkipLink } from "@utrecht/component-library-react";
import { type ReactElement, type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

interface FrameProps {
  brand: ReactNode;
  account?: ReactNode;
  nav?: ReactNode;
  children: ReactNode;
}

export function Frame({ brand, account, nav, children }: FrameProps): ReactElement {
  const { t } = useTranslation();
  const location = useLocation();
  const shownPath = useRef(location.pathname);

  // After navigating inside the app, move focus to the new page's heading, as a page load would.
  // The page may still be loading its data, so wait (briefly) for its h1 to appear.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    let frame = 0;
    const until = Date.now() + 3000;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      } else if (Date.now() < until) {
        frame = requestAnimationFrame(focusHeading);
      }
    };
    focusHeading();
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  return (
    <div className="zk-frame">
      <SkipLink href="#main">{t("app.skipLink")}</SkipLink>
      <PageHeader className="zk-header">
        <div className="zk-header__content">
          <div className="zk-brand">{brand}</div>
          {account ? <div className="zk-account">{account}</div> : null}
        </div>
      </PageHeader>
      {nav}
      <main id="main" tabIndex={-1} className="zk-main">
        {children}
      </main>
      <PageFooter className="zk-footer">
        <div className="zk-footer__content">
          <Paragraph small>{t("app.footer")}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}

export function Brand({ region }: { region: string | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <span className="zk-brand__mark" aria-hidden="true" />
      <span className="zk-brand__text">
        <span className="zk-brand__product">{t("app.name")}</span>
        <span className="zk-brand__region">{region ?? t("app.tagline")}</span>
      </span>
    </>
  );
}
