/**
 * Shapes of the /mx answers the pages read. Those generated from the server's Java records come from
 * src/generated/mx-api.ts (generate-types.mjs, from docs/openapi.json: the typed contract in
 * docs/architecture.md); the rest are still written here by hand, where the server answers a map
 * (docs/architecture.md lists them).
 */
import type { components } from "./generated/mx-api";

export type Schemas = components["schemas"];

/** GET /mx/me: the caller, their accounts with roles and pages, and the menu's pages. */
export type Me = Schemas["Me"];
export type Check = Schemas["Check"];
export type Deactivation = Schemas["Deactivation"];
/**
 * GET /mx/users/{userId}/review. Its deactivation is absent while the person is active: the generator
 * cannot mark a record-typed field nullable (OpenAPI 3.0 $ref), so this one is said here.
 */
export type SetupReview = Omit<Schemas["Review"], "deactivation"> & { deactivation?: Deactivation | null };
/** One page of the access catalog (GET /mx/access/pages). */
export type CatalogPage = Schemas["Page"];
/** GET /mx/access/explain. */
export type Explanation = Schemas["Explanation"];
/** GET /mx/accounts/{id}: the account and its settings (also the answer of PUT). */
export type AccountSettings = Schemas["AccountAnswer"];
/** One role template of GET /mx/accounts/{account}/grantable-templates. */
export type GrantableTemplate = Schemas["GrantableTemplate"];

// ---- written by hand: the server answers a map (Map<String, Object> or ObjectNode) ----

export type HistoryEntry = string | Record<string, unknown>;

/**
 * One invitation (GET /mx/invitations/{userId}, and each item of the list). pendingApproval is there only
 * when an address change waits for a second administrator (a record-typed field the generator cannot
 * mark nullable, so it is said here).
 */
export type Invitation = Omit<Schemas["InvitationView"], "pendingApproval"> & { pendingApproval?: Approval | null };

export type InvitationList = Omit<Schemas["InvitationPage"], "items"> & { items: Invitation[] };

export type Finding = { category: string; userId: string; username: string; detail: string };

export type AccessReport = {
  administrators: number;
  counts: Record<string, number>;
  findings: Finding[];
  next?: number;
};

export type Licence = { authority?: string; number?: string; category?: string; expiry?: string };

export type Authorization = {
  id?: string;
  /** The issuing account's id (set by the server; a grant names it when the officer acts in several). */
  account?: string | null;
  accountAlias?: string | null;
  accountName?: string | null;
  type: string;
  reference: string;
  licence?: Licence | null;
  scope: { aircraft: string[]; tasks: string[]; bases: string[] };
  limitations?: string;
  firstIssue?: string;
  effective?: string;
  expiry?: string;
  status?: string;
  statusReason?: string;
  statusChanged?: string;
  issuer?: string;
  continuationTraining?: string;
  experience?: { from: string; to: string }[];
  state?: string;
  usableAtSignoff?: boolean;
  unusableBecause?: string[];
  validUntil?: string;
};

export type ExpiryItem = {
  userId?: string;
  username?: string;
  authorization?: Authorization;
  [key: string]: unknown;
};

/** A member of an account as GET /mx/accounts/{account}/people/{userId} answers. */
export type AccountPerson = {
  id: string;
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  deactivated: boolean;
  invitation?: { status: string; expiresAt?: string; sentAt?: string; failure?: string | null; history?: HistoryEntry[] };
  templates: string[];
  accountRoles: string[];
  /** t26-scim: created or linked by this account's directory (SCIM). */
  provisioned?: boolean;
  lastLogin?: string | null;
};

/** One signature record of GET /mx/signoffs (docs/signoffs.md, "The signature record"), with its place in the chain. */
export type Signoff = {
  id: string;
  seq: number;
  previousHash: string;
  hash: string;
  record: {
    outcome: "accepted" | "refused";
    reasons: string[];
    signer?: { id: string; username: string; name?: string; accounts?: string[] } | null;
    authorization?: { id?: string; type?: string; reference?: string; recordHash?: string } | null;
    what: {
      type: string;
      authorizationType?: string;
      aircraft?: { registration?: string; type?: string };
      workOrder?: string;
      task?: string;
      taskCategory?: string;
      base?: string;
    };
    meaning: string;
    signedAt: string;
    proof?: { acr?: string | null; amr?: unknown; authTime?: string | null; sessionId?: string | null; client?: string | null } | null;
  };
};

export type SignoffList = { signoffs: Signoff[]; truncated: boolean; trail: { seq: number; hash: string } };

/** One request of GET /mx/accounts/{account}/approvals (docs/authorizations.md, "Four eyes"). */
export type ApprovalPerson = Schemas["ApprovalPerson"];
/** decidedBy is absent until the request is decided (said here: the generator cannot mark a record-typed field nullable). */
export type Approval = Omit<Schemas["ApprovalView"], "decidedBy"> & { decidedBy?: ApprovalPerson | null };

/** One item of an access review (docs/access-review.md, "Reviews with decisions"). */
export type ReviewItem = {
  no: number;
  personId: string;
  username?: string | null;
  name?: string | null;
  kind: "template" | "account-role" | "authorization";
  value: string;
  label: string;
  type?: string;
  reference?: string;
  reviewer: "account-administrator" | "compliance-officer";
  decision?: "keep" | "remove" | null;
  comment?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  outcome?: "kept" | "removed" | "gone" | null;
  /** Whether the signed-in person may decide it now; whyNot says why not (own, administrator, officer, decided). */
  mayDecide: boolean;
  whyNot?: string | null;
};

/** An access review of an account; items only when one review is read. */
export type AccountReview = {
  id: string;
  account: string;
  accountName?: string;
  status: "open" | "closed";
  startedBy: string;
  startedAt: string;
  endsAt: string;
  closedAt?: string | null;
  undecided: "keep" | "remove";
  scheduled: boolean;
  itemCount: number;
  undecidedCount: number;
  items?: ReviewItem[];
};
/** One entry of a person's history (GET /mx/users/{id}/history): an event name, when, and who, by name. */
export type HistoryItem = { at: string; event: string; actor: string | null; actorOutsideRealm?: boolean; reason?: string };
