package com.maintenanceaccess.review;

import java.util.Collection;
import java.util.List;

/**
 * One parameter of a check's evidence ({@link Check#evidenceKey()}): the names it stands for and
 * what kind of names they are, so that a client shows each in words in the person's language
 * rather than as in its file ("certifying-staff" is both a role template and an authorization type:
 * the kind tells which). A client shows several values joined by commas.
 *
 * <p>Kinds: {@code template} (a role template's name), {@code authorizationType},
 * {@code feature}, {@code permission}, {@code area} (named as in the access catalog, whose words a client
 * shows: GET /mx/access/catalog), {@code account} (an account by its name, as a person reads it; the
 * English sentence names it by alias), {@code role} (a realm role by name: a bundled role template in
 * words, any other as it is), {@code group} (a group's path, as Keycloak names it),
 * {@code invitationStatus}, {@code reason} (why a record cannot be used at signoff, as the signoff
 * check names it), {@code time} (an ISO instant) and {@code text} (shown as it is: an e-mail
 * address, a username, a reference, a reason somebody wrote).
 */
public record EvidenceParam(String kind, List<String> values) {

    public EvidenceParam {
        values = List.copyOf(values);
    }

    static EvidenceParam templates(Collection<String> names) {
        return new EvidenceParam("template", List.copyOf(names));
    }

    static EvidenceParam authorizationTypes(Collection<String> types) {
        return new EvidenceParam("authorizationType", List.copyOf(types));
    }

    static EvidenceParam accounts(Collection<String> names) {
        return new EvidenceParam("account", List.copyOf(names));
    }

    static EvidenceParam of(String kind, String value) {
        return new EvidenceParam(kind, List.of(value == null ? "" : value));
    }

    static EvidenceParam text(String value) {
        return of("text", value);
    }
}
