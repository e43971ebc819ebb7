package vn.phendau.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/**
 * The database, for the beans that keep dossiers, users, reports and the audit trail: its EntityManager looked up at
 * first use, not injected. The check command runs with no database at all, its persistence unit inactive
 * ({@code Main.NO_DATABASE}), and Quarkus refuses to start an application in which a bean injects an inactive
 * persistence unit's EntityManager itself.
 */
@ApplicationScoped
public class Database {

    private final Instance<EntityManager> ems;
    private volatile EntityManager em;

    public Database(Instance<EntityManager> ems) {
        this.ems = ems;
    }

    public EntityManager em() {
        EntityManager m = em;
        if (m == null) {
            m = ems.get();
            em = m;
        }
        return m;
    }
}
