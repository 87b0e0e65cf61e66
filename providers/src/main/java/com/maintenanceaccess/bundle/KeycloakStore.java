package com.maintenanceaccess.bundle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The bundle's handle on the request's JPA persistence context, handed out by
 * {@link KeycloakInternals#store}: the only class that holds Keycloak's {@link EntityManager}
 * and the only one that names Keycloak's entities and tables. It offers exactly what the
 * features need, nothing of JPA leaks out:
 * <ul>
 * <li>plain SQL with positional parameters ({@code ?1, ?2 …}) for the bundle's own tables
 * ({@code trail/TrailTable}; created by Keycloak from the changelog of {@code bundle/storage});</li>
 * <li>flush, clear and "no automatic flush" for the role-template importer's large applies;</li>
 * <li>the queries on Keycloak's own schema, each a method named after what it reads: the realm
 * row lock and the six realm-state reads (the importer), the user-attribute holders and range
 * (the compliance views' expiry index).</li>
 * </ul>
 * {@link #check()} runs every query on Keycloak's schema once at start, so an upgrade that
 * renames an entity, a field, a table or a column fails the start (docs/architecture.md,
 * "Keycloak internals"); it also reads each of the bundle's tables through its entity, so a
 * table the changelog did not create, or a column it names differently, fails the start too.
 */
public final class KeycloakStore {

    /** One stored user attribute: the user's id and the value. */
    public record UserAttribute(String userId, String value) {
    }

    private static final String LOCK_REALM = "SELECT ID FROM REALM WHERE ID = ?1 FOR UPDATE";
    private static final String ROLES = "SELECT ID, NAME, DESCRIPTION FROM KEYCLOAK_ROLE WHERE REALM_ID = ?1 AND CLIENT_ROLE = ?2";
    private static final String ROLE_ATTRIBUTES = "SELECT a.ROLE_ID, a.NAME, a.VALUE FROM ROLE_ATTRIBUTE a"
            + " JOIN KEYCLOAK_ROLE r ON r.ID = a.ROLE_ID WHERE r.REALM_ID = ?1 AND r.CLIENT_ROLE = ?2";
    private static final String COMPOSITES = "SELECT c.COMPOSITE, child.NAME FROM COMPOSITE_ROLE c"
            + " JOIN KEYCLOAK_ROLE parent ON parent.ID = c.COMPOSITE JOIN KEYCLOAK_ROLE child ON child.ID = c.CHILD_ROLE"
            + " WHERE parent.REALM_ID = ?1 AND parent.CLIENT_ROLE = ?2 AND child.CLIENT_ROLE = ?2";
    private static final String SCOPES = "SELECT ID, NAME, DESCRIPTION FROM CLIENT_SCOPE WHERE REALM_ID = ?1";
    private static final String SCOPE_ATTRIBUTES = "SELECT a.SCOPE_ID, a.NAME, a.VALUE FROM CLIENT_SCOPE_ATTRIBUTES a"
            + " JOIN CLIENT_SCOPE s ON s.ID = a.SCOPE_ID WHERE s.REALM_ID = ?1";
    private static final String SCOPE_MAPPINGS = "SELECT m.SCOPE_ID, r.NAME FROM CLIENT_SCOPE_ROLE_MAPPING m"
            + " JOIN CLIENT_SCOPE s ON s.ID = m.SCOPE_ID JOIN KEYCLOAK_ROLE r ON r.ID = m.ROLE_ID"
            + " WHERE s.REALM_ID = ?1 AND r.CLIENT_ROLE = ?2";
    private static final String HOLDERS = "select distinct a.user.id from UserAttributeEntity a"
            + " where a.name = :name and a.user.realmId = :realmId order by a.user.id";
    private static final String ATTRIBUTES = "select a.user.id, a.value from UserAttributeEntity a"
            + " where a.name = :name and a.user.realmId = :realmId";

    private final EntityManager em;

    KeycloakStore(EntityManager em) {
        this.em = em;
    }

    // ---- plain SQL, for the bundle's own tables ------------------------------------------

    /** A native query's rows, each an array of its columns; parameters are ?1, ?2 … in order. */
    public List<Object[]> rows(String sql, Object... parameters) {
        return rows(nativeQuery(sql, parameters));
    }

    /** The first {@code max} rows of a native query. */
    public List<Object[]> firstRows(int max, String sql, Object... parameters) {
        return rows(nativeQuery(sql, parameters).setMaxResults(max));
    }

    /** Runs a native INSERT, UPDATE or DDL statement; the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return nativeQuery(sql, parameters).executeUpdate();
    }

    // ---- the persistence context ---------------------------------------------------------

    /** Writes what is pending to the database (inside the transaction: a rollback still undoes it). */
    public void flush() {
        em.flush();
    }

    /** Empties the persistence context: every model loaded before is stale afterwards. */
    public void clear() {
        em.clear();
    }

    /**
     * Runs {@code work} with flush mode COMMIT: queries no longer flush (and dirty-check every
     * loaded entity) first. The previous mode is restored afterwards.
     */
    public <T> T withoutAutoFlush(Supplier<T> work) {
        FlushModeType previous = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return work.get();
        } finally {
            em.setFlushMode(previous);
        }
    }

    // ---- Keycloak's own schema -----------------------------------------------------------

    /** SELECT ... FOR UPDATE on the realm's row of REALM: held until the transaction ends. */
    public void lockRealmRow(String realmId) {
        nativeQuery(LOCK_REALM, realmId).getResultList();
    }

    /** Realm roles: id, name, description. */
    public List<String[]> realmRoles(String realmId) {
        return texts(ROLES, realmId, false);
    }

    /** Attributes of realm roles: role id, name, value. */
    public List<String[]> realmRoleAttributes(String realmId) {
        return texts(ROLE_ATTRIBUTES, realmId, false);
    }

    /** Composites among realm roles: the composite's id, the name of a realm role it contains. */
    public List<String[]> realmRoleComposites(String realmId) {
        return texts(COMPOSITES, realmId, false);
    }

    /** Client scopes: id, name, description. */
    public List<String[]> clientScopes(String realmId) {
        return texts(SCOPES, realmId);
    }

    /** Attributes of client scopes: scope id, name, value. */
    public List<String[]> clientScopeAttributes(String realmId) {
        return texts(SCOPE_ATTRIBUTES, realmId);
    }

    /** Realm-role scope mappings of client scopes: scope id, name of the realm role. */
    public List<String[]> clientScopeRealmRoles(String realmId) {
        return texts(SCOPE_MAPPINGS, realmId, false);
    }

    /** Ids of the realm's users that have attribute {@code name}, in id order, paged by the database. */
    public List<String> userAttributeHolders(String realmId, String name, int first, int max) {
        return em.createQuery(HOLDERS, String.class)
                .setParameter("name", name)
                .setParameter("realmId", realmId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Values of attribute {@code name} with {@code from <= value < to} and {@code value LIKE like}
     * (each bound null for none), ordered by value then user id, paged by the database.
     */
    public List<UserAttribute> userAttributeRange(String realmId, String name, String from, String to, String like,
            int first, int max) {
        StringBuilder jpql = new StringBuilder(ATTRIBUTES);
        if (from != null) {
            jpql.append(" and a.value >= :from");
        }
        if (to != null) {
            jpql.append(" and a.value < :to");
        }
        if (like != null) {
            jpql.append(" and a.value like :like");
        }
        TypedQuery<Object[]> query = em.createQuery(jpql.append(" order by a.value, a.user.id").toString(), Object[].class)
                .setParameter("name", name)
                .setParameter("realmId", realmId)
                .setFirstResult(first)
                .setMaxResults(max);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (like != null) {
            query.setParameter("like", like);
        }
        return query.getResultList().stream().map(row -> new UserAttribute((String) row[0], (String) row[1])).toList();
    }

    /**
     * Runs every query on Keycloak's schema once for a realm id no realm has: Hibernate checks
     * the JPQL against its entities, the database the SQL against its tables.
     */
    void check() {
        String none = "";
        lockRealmRow(none);
        realmRoles(none);
        realmRoleAttributes(none);
        realmRoleComposites(none);
        clientScopes(none);
        clientScopeAttributes(none);
        clientScopeRealmRoles(none);
        userAttributeHolders(none, none, 0, 1);
        userAttributeRange(none, none, none, none, none, 0, 1);
        for (Class<?> entity : BundleTablesProviderFactory.ENTITIES) {
            // Every mapped column is selected: the database checks each against the table.
            em.createQuery("select e from " + em.getMetamodel().entity(entity).getName() + " e where e.realmId = :none", entity)
                    .setParameter("none", none)
                    .getResultList();
        }
    }

    // --------------------------------------------------------------------------------------

    private Query nativeQuery(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    /** A query of one column answers bare values: every row becomes an array either way. */
    private static List<Object[]> rows(Query query) {
        return ((List<?>) query.getResultList()).stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .toList();
    }

    private List<String[]> texts(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> {
            String[] texts = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                texts[i] = text(row[i]);
            }
            return texts;
        }).toList();
    }

    /** A column as text: some databases answer long text columns as a {@link Clob}. */
    public static String text(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Clob clob) {
            try (Reader reader = clob.getCharacterStream()) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a text column", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return column.toString();
    }
}
