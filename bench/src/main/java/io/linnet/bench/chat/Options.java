package io.linnet.bench.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link ChatBenchmark}: scenario names, then {@code --name=value} options.
 * bench/chat/run passes where the server, its database and its processes are; the rest have
 * defaults sized for the targets of issue 3 on a 2-core machine.
 */
record Options(List<String> scenarios, Map<String, String> values) {

    static final List<String> ALL = List.of("direct", "max", "ceiling", "group", "idle");
    /** Scenarios run only when named. */
    static final List<String> ON_REQUEST = List.of("moderated");

    static final String USAGE = """
            usage: ChatBenchmark [direct|max|ceiling|group|idle|all|moderated ...] --api=URL --operator=EMAIL --operator-password=P [options]
              --gateway=ws://host:port/v1/ws   the gateway (default: the token answer's websocketUrl, else port 8081 of the API host)
              --server-pid=N --postgres-pid=N --redis-pid=N   processes to read memory and CPU of (0: unknown)
              --db-url=jdbc:postgresql://... --db-user=U --db-password=P --pool-size=20   for the insert ceiling
              --clients=1000 --rates=1000,1500,3000 --seconds=20 --warmup=10 --text-bytes=64   direct: pairs of clients at each total rate
              --jit-warmup=30                   direct: seconds of closed-loop chat before the first measured run
              --window=1                        max: sends in flight per client, unthrottled but for the server's per-connection limit
              --group-size=1000 --group-messages=200 --group-interval-ms=100
              --idle-connections=19000 --idle-hold=70 --per-process=9500
              --keywords=10000 --rounds=2       moderated: the rule's size; runs without and with it, alternating
              --io-threads=2
              --profile-dir=DIR                 record the server with JFR while each direct run is measured, into DIR/<run>.jfr
            """;

    static Options parse(String[] args) {
        List<String> scenarios = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("options are --name=value; got " + arg);
                }
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (arg.equals("all")) {
                scenarios.addAll(ALL);
            } else if (ALL.contains(arg) || ON_REQUEST.contains(arg)) {
                scenarios.add(arg);
            } else {
                throw new IllegalArgumentException("unknown scenario '" + arg + "'");
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(ALL);
        }
        Options options = new Options(List.copyOf(scenarios), values);
        options.text("api");
        options.text("operator");
        options.text("operator-password");
        return options;
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    long pid(String name) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : 0;
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    List<Integer> numbers(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
}
