package io.linnet.server.database;

/**
 * Where the database is and who owns its schema: the external PostgreSQL that was configured, or the
 * embedded one this process started (closed with the application context).
 */
public record DatabaseServer(String jdbcUrl, String ownerUser, String ownerPassword, AutoCloseable embedded)
        implements AutoCloseable {

    /** Never the password, should this ever reach a log line. */
    @Override
    public String toString() {
        return "DatabaseServer[" + jdbcUrl + ", owner " + ownerUser + (embedded != null ? ", embedded" : "") + "]";
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
