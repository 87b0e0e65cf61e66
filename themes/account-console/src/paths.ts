/** Paths of the workspace pages, below the account console's base URL (content.json names them too). */
export const paths = {
  people: "mx/people",
  invitations: "mx/invitations",
  person: (userId: string) => `mx/people/${encodeURIComponent(userId)}`,
  authorizations: (userId: string) => `mx/people/${encodeURIComponent(userId)}/authorizations`,
  compliance: "mx/compliance",
  accountSettings: "mx/account-settings",
  accessReview: "mx/access-review",
};
