package io.linnet.bench.chat;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A child process of the idle scenario: it opens one slice of the idle connections and holds them
 * (pinging every {@code heartbeatSeconds}, as a real client does) until its parent writes
 * {@code close} or closes its standard input. One process may hold at most its open-file limit of
 * sockets (20,000 here), so 19,000 connections need more than one.
 *
 * <p>Usage: {@code ConnectionHolder <gatewayUrl> <tokenFile> <from> <to> <localAddress> <ioThreads>};
 * the token file has a line {@code userId token} per user. It reports on standard output, a line
 * at a time: {@code opened N failed M ...}, then {@code status open=N ...} every 5 s.
 */
public final class ConnectionHolder {

    private ConnectionHolder() {
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        InetSocketAddress local = new InetSocketAddress(args[4], 0);
        int ioThreads = Integer.parseInt(args[5]);
        List<ChatSetup.ChatUser> users = lines.subList(from, to).stream()
                .map(line -> line.split(" ", 2))
                .map(parts -> new ChatSetup.ChatUser(parts[0], parts[1]))
                .toList();

        Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
        Map<String, LongAdder> frames = new ConcurrentHashMap<>();
        FrameListener listener = new FrameListener() {
            @Override
            public void onFrame(ChatConnection connection, JsonNode frame, long receivedNanos) {
                frames.computeIfAbsent(frame.path("type").asString("?"), t -> new LongAdder()).increment();
            }

            @Override
            public void onClosed(ChatConnection connection, int code) {
                closes.computeIfAbsent(code, c -> new LongAdder()).increment();
            }
        };
        try (ChatClients clients = new ChatClients(gateway, ioThreads, Duration.ofSeconds(60))) {
            ChatClients.Opened opened = clients.openAll(users, from, listener, 100, List.of(local));
            System.out.println("opened " + opened.ready().size() + " failed " + (users.size() - opened.ready().size())
                    + " " + opened.describeFailures());
            Thread status = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                    long open = opened.ready().stream().filter(ChatConnection::open).count();
                    System.out.println("status open=" + open + " closedByServer=" + counts(closes) + " frames=" + counts(frames));
                }
            });
            BufferedReader parent = new BufferedReader(new InputStreamReader(System.in));
            String line;
            while ((line = parent.readLine()) != null && !line.strip().equals("close")) {
                // only "close" or the end of input ends the hold
            }
            status.interrupt();
            opened.ready().forEach(ChatConnection::close);
            Thread.sleep(1000);
        }
        System.out.println("closed");
    }

    private static <K> Map<K, Long> counts(Map<K, LongAdder> counters) {
        Map<K, Long> copy = new TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
