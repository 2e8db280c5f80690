package io.linnet.server.realtime;

import io.linnet.server.database.DatabaseServer;
import io.linnet.server.support.ServerIT;
import io.linnet.server.support.ServerJar;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Another Linnet server process (the packaged jar, as operators run it) sharing the test
 * server's PostgreSQL and Redis: a second node of the same cluster. It can be stopped, or killed
 * outright as a crashed node would be.
 */
public final class SecondNode {

    private SecondNode() {
    }

    /** Starts the jar against the database and Redis of {@code first}; {@code settings} are extra {@code --key=value} arguments. */
    public static ServerJar start(ApplicationContext first, List<String> settings) throws Exception {
        DatabaseServer database = first.getBean(DatabaseServer.class);
        LettuceConnectionFactory redis = first.getBean(LettuceConnectionFactory.class);
        Path dataDir = Path.of(first.getEnvironment().getRequiredProperty("linnet.data-dir"));
        String masterKey = Files.readString(dataDir.resolve("master.key"), StandardCharsets.US_ASCII).trim();
        List<String> arguments = new ArrayList<>(List.of(
                "--linnet.data-dir=" + Files.createTempDirectory("linnet-second-node"),
                "--linnet.db.url=" + database.jdbcUrl(),
                "--linnet.db.user=" + database.ownerUser(),
                "--linnet.db.password=" + database.ownerPassword(),
                "--linnet.redis-url=redis://" + redis.getStandaloneConfiguration().getPassword().map(password -> ":" + new String(password) + "@").orElse("")
                        + redis.getHostName() + ":" + redis.getPort(),
                "--linnet.master-key=" + masterKey,
                "--linnet.operator.email=" + ServerIT.OPERATOR_EMAIL,
                "--linnet.operator.password=" + ServerIT.OPERATOR_PASSWORD));
        arguments.addAll(settings);
        return ServerJar.start("384m", arguments, Path.of("target", "second-node"), Duration.ofSeconds(120));
    }
}
