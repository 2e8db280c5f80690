package io.linnet.bench.push;

import java.util.HashMap;
import java.util.Map;

/**
 * The push benchmark's options, {@code --name=value}. Sizes: {@code --warmup} (devices of the warm-up broadcast),
 * {@code --sustained} (APNs devices of the pipeline-versus-ceiling run), {@code --fcm} (FCM devices of the FCM
 * run), {@code --broadcast} (devices of the large broadcast, APNs and FCM four to one). Where: {@code --server-jar},
 * {@code --db-url}, {@code --db-user}, {@code --db-password}, {@code --redis-url}, {@code --server-opts}.
 */
record Options(String serverJar, String dbUrl, String dbUser, String dbPassword, String redisUrl, String serverOpts,
               int warmup, int sustained, int fcm, int broadcast) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Options(
                given.getOrDefault("server-jar", "server/target/linnet-server.jar"),
                required(given, "db-url"),
                given.getOrDefault("db-user", "postgres"),
                given.getOrDefault("db-password", ""),
                required(given, "redis-url"),
                given.getOrDefault("server-opts", "-Xmx1g"),
                Integer.parseInt(given.getOrDefault("warmup", "10000")),
                Integer.parseInt(given.getOrDefault("sustained", "50000")),
                Integer.parseInt(given.getOrDefault("fcm", "20000")),
                Integer.parseInt(given.getOrDefault("broadcast", "100000")));
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
