// Router links that look like NL Design System links.
import type { ReactElement, ReactNode } from "react";
import { Link, NavLink } from "react-router";

export function AppLink(props: { to: string; children: ReactNode; className?: string }): ReactElement {
  return (
    <Link to={props.to} className={`utrecht-link utrecht-link--html-a ${props.className ?? ""}`.trim()}>
      {props.children}
    </Link>
  );
}

/** A navigation link; react-router sets aria-current="page" on the active one. */
export function NavItem(props: { to: string; end?: boolean; children: ReactNode }): ReactElement {
  return (
    <li className="zk-nav__item">
      <NavLink to={props.to} end={props.end ?? false} className="zk-nav__link">
        {props.children}
      </NavLink>
    </li>
  );
}
