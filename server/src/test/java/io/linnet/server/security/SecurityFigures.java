package io.linnet.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a security test's run (what it walked, how many calls, what it found), as one log
 * line and as {@code target/security-figures/<test>.txt} with the findings below them, for
 * docs/security.md.
 */
final class SecurityFigures {

    private static final Logger log = LoggerFactory.getLogger(SecurityFigures.class);

    private SecurityFigures() {
    }

    static void record(String test, Map<String, ?> figures, List<String> findings) {
        String line = figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        log.info("{}: {} findings={}", test, line, findings.size());
        try {
            Path directory = Path.of("target", "security-figures");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(test + ".txt"), test + ": " + line + " findings=" + findings.size() + "\n\n"
                    + String.join("\n", findings) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
