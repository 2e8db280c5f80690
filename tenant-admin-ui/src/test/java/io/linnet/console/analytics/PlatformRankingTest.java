package io.linnet.console.analytics;

import io.linnet.analytics.TenantUsage;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformRankingTest {

    private static final TenantId ACME = new TenantId(UUID.randomUUID());
    private static final TenantId GLOBEX = new TenantId(UUID.randomUUID());
    private static final TenantId GONE = new TenantId(UUID.randomUUID());
    private static final Map<TenantId, String> NAMES = Map.of(ACME, "Acme", GLOBEX, "Globex");
    private static final List<TenantUsage> USAGE = List.of(new TenantUsage(ACME, 100, 5, 0, 0),
            new TenantUsage(GLOBEX, 40, 30, 7, 0), new TenantUsage(GONE, 100, 1, 2, 0));

    private static List<String> order(PlatformView.RankBy by) {
        return PlatformView.ranked(USAGE, by, id -> Optional.ofNullable(NAMES.get(id))).stream()
                .map(row -> row.rank() + " " + row.name().orElse("(deleted)")).toList();
    }

    @Test
    void tenants_are_ranked_by_the_chosen_number_with_ties_by_messages_then_name() {
        assertThat(order(PlatformView.RankBy.MESSAGES)).containsExactly("1 (deleted)", "2 Acme", "3 Globex");
        assertThat(order(PlatformView.RankBy.ACTIVE_USERS)).containsExactly("1 Globex", "2 Acme", "3 (deleted)");
        assertThat(order(PlatformView.RankBy.PUSHES)).containsExactly("1 Globex", "2 (deleted)", "3 Acme");
    }
}
