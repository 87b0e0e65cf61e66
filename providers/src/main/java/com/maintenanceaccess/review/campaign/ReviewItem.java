package com.maintenanceaccess.review.campaign;

/**
 * One item of an access review: what a person holds in the account when the review started
 * (a role template, an account role, or a personnel authorization the account issued), and the
 * reviewer's decision. {@code value} is what the close acts on (template name, role id, record id);
 * {@code label} is what people read.
 */
public record ReviewItem(int no, String personId, Kind kind, String value, String label, Decision decision,
        String comment, String decidedBy, Long decidedAt, String outcome) {

    public enum Kind {
        TEMPLATE("template"), ACCOUNT_ROLE("account-role"), AUTHORIZATION("authorization");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind byId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no item kind " + id);
        }
    }

    public enum Decision {
        KEEP("keep"), REMOVE("remove");

        private final String id;

        Decision(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The decision named {@code id}; null when it names none. */
        public static Decision byId(String id) {
            for (Decision decision : values()) {
                if (decision.id.equals(id)) {
                    return decision;
                }
            }
            return null;
        }
    }
}
