package io.linnet.server.secret;

import io.linnet.server.LinnetSettings;
import io.linnet.server.embedded.DataDirectory;
import io.linnet.server.embedded.PrivateFiles;
import io.linnet.tenancy.secret.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master key that encrypts stored secrets: {@code LINNET_MASTER_KEY}, or in embedded mode a key
 * generated once into the data directory. Outside embedded mode it must be configured, since a
 * generated key on one node would not open what another node sealed.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(LinnetSettings settings, DataDirectory dataDirectory) {
        return new SecretCipher(masterKey(settings, dataDirectory), settings.masterKeyRetired());
    }

    private static String masterKey(LinnetSettings settings, DataDirectory dataDirectory) {
        if (!settings.masterKey().isBlank()) {
            return settings.masterKey();
        }
        if (!settings.embeddedDatabase()) {
            throw new IllegalStateException("LINNET_MASTER_KEY is required when LINNET_DB_URL is set: "
                    + "a base64 256-bit key, e.g. from `openssl rand -base64 32`");
        }
        Path file = dataDirectory.path().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String key = SecretCipher.generateKey();
            // 0600 from the first byte, in the 0700 data directory
            PrivateFiles.write(file, key + "\n");
            log.info("Generated a master key into {}; back it up with the data directory", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key " + file, e);
        }
    }
}
