package com.maintenanceaccess.authorization.model;

import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.bundle.KeycloakInternals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Range queries on the expiry index ({@link ExpiryIndex}) in Keycloak's USER_ATTRIBUTE table:
 * the database sorts and pages, so a view reads only the users on its page, never the realm.
 */
public final class ExpiryQuery {

    /** One index hit: the user and the index value (validUntil|type|record id). */
    public record Hit(String userId, String indexValue) {
    }

    private final EntityManager em;

    public ExpiryQuery(KeycloakSession session) {
        this.em = KeycloakInternals.entityManager(session, "the compliance views");
    }

    /** Ids of users that hold any stored authorization value, in id order, paged. */
    public List<String> holders(RealmModel realm, int first, int max) {
        return em.createQuery("select distinct a.user.id from UserAttributeEntity a"
                        + " where a.name = :name and a.user.realmId = :realmId order by a.user.id", String.class)
                .setParameter("name", AuthorizationFeature.ATTRIBUTE)
                .setParameter("realmId", realm.getId())
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** Hits with {@code from <= validUntil < to} (either bound may be null), optionally of one type. */
    public List<Hit> page(RealmModel realm, Instant from, Instant to, String type, int first, int max) {
        StringBuilder jpql = new StringBuilder("select a.user.id, a.value from UserAttributeEntity a"
                + " where a.name = :name and a.user.realmId = :realmId");
        if (from != null) {
            jpql.append(" and a.value >= :from");
        }
        if (to != null) {
            jpql.append(" and a.value < :to");
        }
        if (type != null) {
            jpql.append(" and a.value like :type");
        }
        jpql.append(" order by a.value, a.user.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("name", ExpiryIndex.ATTRIBUTE)
                .setParameter("realmId", realm.getId())
                .setFirstResult(first)
                .setMaxResults(max);
        if (from != null) {
            query.setParameter("from", ExpiryIndex.key(from));
        }
        if (to != null) {
            query.setParameter("to", ExpiryIndex.key(to));
        }
        if (type != null) {
            query.setParameter("type", ExpiryIndex.typePattern(type));
        }
        return query.getResultList().stream().map(row -> new Hit((String) row[0], (String) row[1])).toList();
    }
}
