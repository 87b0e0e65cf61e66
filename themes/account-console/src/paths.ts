/** Paths of the workspace pages, below the account console's base URL (content.json names them too). */
export const paths = {
  people: "mx/people",
  invitations: "mx/invitations",
  /** A person's page; with the account it opens on that account's membership. */
  person: (userId: string, account?: string) =>
    `mx/people/${encodeURIComponent(userId)}${account ? `?account=${encodeURIComponent(account)}` : ""}`,
  /** A person's records; with the account (the one the person page works in) a grant is issued by it. */
  authorizations: (userId: string, account?: string) =>
    `mx/people/${encodeURIComponent(userId)}/authorizations${account ? `?account=${encodeURIComponent(account)}` : ""}`,
  compliance: "mx/compliance",
  myAuthorizations: "mx/my-authorizations",
  accountSettings: "mx/account-settings",
  accessReview: "mx/access-review",
  signoffs: "mx/signoffs",
  /** t26-scim: the account's provisioning tokens. */
  provisioning: "mx/provisioning",
  approvals: "mx/approvals",
  /** Access reviews with decisions: the account's list, and one review. */
  reviews: "mx/reviews",
  review: (reviewId: string, account: string) =>
    `mx/reviews/${encodeURIComponent(reviewId)}?account=${encodeURIComponent(account)}`,
};
