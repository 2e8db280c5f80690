/**
 * The runnable Spring Boot application: wiring, security filter chains, configuration, embedded
 * PostgreSQL and Redis, and the REST error handling. It holds no business logic.
 */
package io.linnet.server;
