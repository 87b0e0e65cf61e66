import { type AccountEnvironment, type Feature, useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Nav,
  NavExpandable,
  NavItem,
  NavList,
  PageContext,
  PageSidebar,
  PageSidebarBody,
} from "@patternfly/react-core";
import { type MouseEvent, type ReactNode, useContext, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHref, useLinkClickHandler, useLocation, matchPath } from "react-router-dom";
import { useMx } from "../api";
import type { Me } from "./AccountSwitcher";
import { useLoad } from "./common";

type MenuItem =
  | { label: string; path: string; isVisible?: keyof Feature }
  | { label: string; children: MenuItem[]; isVisible?: keyof Feature };

/** The workspace's pages sit below this path; the server names each by the rest of its path. */
const WORKSPACE = "mx/";

/**
 * The console's menu: content.json of the theme, as Keycloak's own menu reads it, with the workspace
 * pages narrowed to those the server says the signed-in person may use in the chosen account
 * (GET /mx/me: {@code pages} per account, computed by the server's authority check; {@code pages}
 * at the top for pages of everybody). A workspace page the server does not know of stays shown (its
 * own API decides). On a narrow screen the menu closes after a page is chosen.
 */
export function WorkspaceNav() {
  const { environment } = useEnvironment<AccountEnvironment>();
  const mx = useMx();
  const [content, setContent] = useState<MenuItem[]>();
  useEffect(() => {
    const controller = new AbortController();
    fetch(`${environment.resourceUrl}/content.json`, { signal: controller.signal })
      .then((response) => response.json())
      .then(setContent, () => undefined);
    return () => controller.abort();
  }, [environment.resourceUrl]);
  const me = useLoad(() => mx.get<Me>("/me"), []);
  const { search } = useLocation();
  const chosen = new URLSearchParams(search).get("account");
  const allowed = allowedPages(me.data, chosen);
  useHeaderToggle();

  const visible = (item: MenuItem): boolean => {
    if (item.isVisible && !environment.features[item.isVisible]) return false;
    if ("path" in item) {
      if (!item.path.startsWith(WORKSPACE) || (me.error && !me.data)) return true;
      // Until the server answered, no workspace page: the menu never offers what it then takes back.
      if (!allowed) return false;
      const page = item.path.substring(WORKSPACE.length);
      return !allowed.known.includes(page) || allowed.pages.includes(page);
    }
    return item.children.some(visible);
  };

  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav>
          <NavList>
            {(content ?? []).filter(visible).map((item) => (
              <MenuEntry key={item.label} item={item} visible={visible} />
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
}

/**
 * Keycloak's header (account-ui) brings its own copy of PatternFly, so its ☰ reads a page context of
 * its own in which nothing manages the sidebar: clicking it did nothing (issue 24: "☰ does not close
 * it"). This hands the click to the console page's context, and keeps the button's aria-expanded
 * true to what is shown.
 */
function useHeaderToggle() {
  const page = useContext(PageContext);
  const { onSidebarToggle } = page;
  useEffect(() => {
    const onClick = (event: Event) => {
      if (event.target instanceof Element && event.target.closest("#nav-toggle")) onSidebarToggle();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [onSidebarToggle]);
  useEffect(() => {
    document.getElementById("nav-toggle")?.setAttribute("aria-expanded", String(page.isSidebarOpen));
  });
}

/** The pages the server allows in the chosen account (or the first), or undefined until /mx/me answered. */
function allowedPages(me: Me | undefined, chosen: string | null): { known: string[]; pages: string[] } | undefined {
  if (!me?.workspacePages) return undefined;
  const account = me.accounts.find((a) => a.alias === chosen || a.id === chosen) ?? (chosen ? undefined : me.accounts[0]);
  // "All accounts" (an operator, no account chosen) or an account not theirs: what any account allows.
  const pages = account ? account.pages ?? [] : chosen === null || chosen === ""
    ? me.accounts.flatMap((a) => a.pages ?? [])
    : [];
  return { known: me.workspacePages, pages: [...(me.pages ?? []), ...pages] };
}

function MenuEntry({ item, visible }: { item: MenuItem; visible: (item: MenuItem) => boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const active = isActive(pathname, item, environment.baseUrl);
  if ("path" in item) {
    return <MenuLink path={item.path} isActive={active}>{t(item.label)}</MenuLink>;
  }
  return (
    <NavExpandable data-testid={item.label} title={t(item.label)} isActive={active} isExpanded={active}>
      {item.children.filter(visible).map((child) => (
        <MenuEntry key={child.label} item={child} visible={visible} />
      ))}
    </NavExpandable>
  );
}

function isActive(pathname: string, item: MenuItem, baseUrl: string): boolean {
  if ("path" in item) return !!matchPath(`${new URL(baseUrl).pathname}${item.path}`, pathname);
  return item.children.some((child) => isActive(pathname, child, baseUrl));
}

/** A menu link keeping the query (the chosen account), as Keycloak's menu does; closes the menu on a narrow screen. */
function MenuLink({ path, isActive, children }: { path: string; isActive: boolean; children: ReactNode }) {
  const { environment } = useEnvironment<AccountEnvironment>();
  const { search } = useLocation();
  const to = `${new URL(environment.baseUrl).pathname}${path}${search}`;
  const href = useHref(to);
  const navigate = useLinkClickHandler(to);
  const page = useContext(PageContext);
  return (
    <NavItem
      data-testid={path}
      to={href}
      isActive={isActive}
      onClick={(event) => {
        navigate(event as unknown as MouseEvent<HTMLAnchorElement>);
        const wide = ["xl", "2xl"].includes(page.getBreakpoint(page.width));
        if (!wide && page.isSidebarOpen) page.onSidebarToggle();
      }}
    >
      {children}
    </NavItem>
  );
}
