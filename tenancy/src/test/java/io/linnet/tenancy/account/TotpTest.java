package io.linnet.tenancy.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: the SHA-1 column, 8 digits. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void the_codes_are_those_of_the_rfc_6238_test_vectors(long epochSecond, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(epochSecond));
        assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(expected);
        assertThat(Totp.code(SHA1_SEED, step)).as("authenticator apps show the last 6 digits")
                .isEqualTo(expected.substring(2));
    }

    @Test
    void the_other_hmacs_of_the_rfc_give_their_vectors_too() {
        long step = Totp.step(Instant.ofEpochSecond(59));
        assertThat(Totp.code("12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII), step, "HmacSHA256", 8))
                .isEqualTo("46119246");
        assertThat(Totp.code("1234567890123456789012345678901234567890123456789012345678901234"
                .getBytes(StandardCharsets.US_ASCII), step, "HmacSHA512", 8)).isEqualTo("90693936");
    }

    @Test
    void base32_is_that_of_rfc_4648_and_reads_back_as_people_type_it() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SHA1_SEED);
    }
}
