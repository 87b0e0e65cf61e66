/**
 * Shapes of the /mx answers the pages read. Those generated from the server's Java records come from
 * src/generated/mx-api.ts (generate-types.mjs, from docs/openapi.json: the typed contract in
 * docs/architecture.md). Written here by hand are only what the generator cannot say: a record-typed
 * field that may be absent (an OpenAPI 3.0 $ref takes no nullable), and the stored signature record
 * the trail passes on as it is.
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
/** One page of the access catalog (GET /mx/access/pages, and in GET /mx/access/catalog). */
export type CatalogPage = Schemas["Page"];
/** GET /mx/access/catalog: modules (their features), areas, actions and pages with their words by language. */
export type AccessCatalog = Schemas["AccessCatalog"];
/** GET /mx/access/explain. */
export type Explanation = Schemas["Explanation"];
/** GET /mx/accounts/{id}: the account and its settings (also the answer of PUT). */
export type AccountSettings = Schemas["AccountAnswer"];
/** One role template of GET /mx/accounts/{account}/grantable-templates. */
export type GrantableTemplate = Schemas["GrantableTemplate"];

/** A personnel authorization's licence; null on a record that rests on none. */
export type Licence = Schemas["LicenceView"];
/**
 * One personnel authorization (GET /mx/users/{id}/authorizations, AuthorizationView). Its licence is null
 * when there is none: the generator cannot mark a record-typed field nullable (OpenAPI 3.0 $ref), so it is said here.
 */
export type Authorization = Omit<Schemas["AuthorizationView"], "licence"> & { licence?: Licence | null };
/** The record in a row of the compliance views (AuthorizationRecordView); licence as above. */
export type AuthorizationRecord = Omit<Schemas["AuthorizationRecordView"], "licence"> & { licence?: Licence | null };
/** One row of GET /mx/authorizations/expiring and …/expired. */
export type ExpiryItem = Omit<Schemas["ExpiryRow"], "authorization"> & { authorization: AuthorizationRecord };
/** GET /mx/access/report (format=json) and one of its findings. */
export type AccessReport = Schemas["AccessReportPage"];
export type Finding = Schemas["Finding"];
/** An access review as listed (GET /mx/accounts/{account}/reviews). */
export type AccountReviewHead = Schemas["AccessReviewHead"];
/** An access review with its items (docs/access-review.md, "Reviews with decisions"). */
export type AccountReview = Schemas["AccessReviewAnswer"];
/** One item of an access review; mayDecide says whether the signed-in person may decide it now, whyNot why not. */
export type ReviewItem = Schemas["AccessReviewItem"];
/** One entry of a person's history (GET /mx/users/{id}/history): an event name, when, and who, by name. */
export type HistoryItem = Schemas["PersonHistoryEntry"];
/**
 * One signature record of GET /mx/signoffs with its place in the chain. The record is passed on as the
 * trail stores it (its hash covers those bytes), so the description says only "an object"; its shape
 * (docs/signoffs.md, "The signature record") is written here by hand.
 */
export type Signoff = Omit<Schemas["SignoffEntry"], "record"> & { record: SignatureRecord };
export type SignoffList = Omit<Schemas["SignoffList"], "signoffs"> & { signoffs: Signoff[] };

/**
 * A person of an account (GET /mx/accounts/{account}/people/{userId}, each item of the list, the answer of
 * a change); pendingApprovals only after an account-roles change.
 */
export type AccountPerson = Schemas["AccountPerson"];
/** GET /mx/accounts/{account}/people: total is absent while a filter is on. */
export type PeoplePage = Schemas["PeoplePage"];

/** A provisioning token as GET /mx/accounts/{a}/scim-tokens lists it (never its secret); status active, expired or revoked. */
export type ScimToken = Schemas["ScimTokenView"];
export type ScimTokenList = Schemas["ScimTokenList"];
/** The answer of creating one: the only time the secret is shown. */
export type CreatedToken = Schemas["CreatedScimToken"];
/** GET/PUT /mx/accounts/{a}/provisioning-settings (docs/scim.md "Provisioning settings"). */
export type ProvisioningSettings = Schemas["ProvisioningSettings"];
export type GroupMapping = Schemas["GroupMapping"];

/** One person of the roster (GET /mx/authorizations/roster, JSON: the CSV's columns). */
export type RosterEntry = Schemas["RosterEntry"];
export type RosterAnswer = Schemas["RosterAnswer"];

/** The team preview's or upload's answer (POST /mx/accounts/{a}/team/preview and /invite), one outcome per row. */
export type TeamAnswer = Schemas["TeamAnswer"];

// ---- written by hand: a record-typed field that may be absent, or (SignatureRecord) a stored legal
// record passed on as it is ----

/**
 * One invitation (GET /mx/invitations/{userId}, and each item of the list). pendingApproval is there only
 * when an address change waits for a second administrator (a record-typed field the generator cannot
 * mark nullable, so it is said here).
 */
export type Invitation = Omit<Schemas["InvitationView"], "pendingApproval"> & { pendingApproval?: Approval | null };

export type InvitationList = Omit<Schemas["InvitationPage"], "items"> & { items: Invitation[] };

/** One request of GET /mx/accounts/{account}/approvals (docs/authorizations.md, "Four eyes"). */
export type ApprovalPerson = Schemas["ApprovalPerson"];
/** decidedBy is absent until the request is decided (said here: the generator cannot mark a record-typed field nullable). */
export type Approval = Omit<Schemas["ApprovalView"], "decidedBy"> & { decidedBy?: ApprovalPerson | null };

/** The signature record as the trail holds it (docs/signoffs.md, "The signature record"): see Signoff. */
export type SignatureRecord = {
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
