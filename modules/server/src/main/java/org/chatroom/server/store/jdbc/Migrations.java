package org.chatroom.server.store.jdbc;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Brings a database to the latest schema with the one set of scripts every engine runs: {@code db/migration}. */
public final class Migrations {
    private static final Logger LOG = LogManager.getLogger();

    private Migrations() {
    }

    /** A Flyway configuration for the scripts; the caller adds its data source. */
    public static FluentConfiguration configure() {
        return Flyway.configure(Migrations.class.getClassLoader()).locations("classpath:db/migration");
    }

    /** Runs what {@code configured} has not run yet; a failure is a {@link StoreException} with one line. */
    public static void run(FluentConfiguration configured, SqlErrors errors) {
        try {
            var result = configured.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database schema migrated to version {} ({} step(s))", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException(errors.describe(e), e);
        }
    }
}
