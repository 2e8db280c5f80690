package io.linnet.server.moderation;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's regex rule, {@code (\w|-)+@spam\.test}, overflowed the matcher's stack on a long text
 * and made the send a 500. It is refused when saved now, and one stored before is left out, so no
 * rule makes a send of the longest text fail.
 */
class RegexRulesNeverFailSendsIT extends ServerIT {

    private static final String PROBED = "(\\w|-)+@spam\\.test";
    private static final int LONGEST_TEXT = 4000;

    @Autowired
    TenantDatabase database;

    @Test
    void the_probed_regex_is_refused_when_saved_with_a_way_to_write_it() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Regex Save");
        Moderation moderation = Moderation.of(app);

        Api.Response refused = app.owner().client().post(moderation.path("/rules"), Map.of("name", "Spam domains",
                "kind", "regex", "action", "block", "terms", List.of(PROBED)));

        refused.assertProblem(400, "invalid_request");
        assertThat(refused.json().get("detail").asString())
                .contains("repeats a group that can match in more than one way").contains("[\\w-]+");
    }

    @Test
    void a_send_of_the_longest_text_is_answered_whatever_regex_rules_the_app_has() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Regex Send");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        Moderation.of(app).rule("Spam domains", "regex", "block", "all", "[\\w-]+@spam\\.test");
        storedByAnOlderVersion(app, PROBED);
        String clean = "a".repeat(LONGEST_TEXT);
        String spam = "a".repeat(LONGEST_TEXT - 12) + "-x@spam.test";

        assertThat(app.send(direct, "ann", "c-1", clean).status()).isEqualTo(201);
        app.send(direct, "ann", "c-2", spam).assertProblem(422, "message_blocked");
        assertThat(MessagingApp.seqs(app.history(direct, "?afterSeq=0"))).containsExactly(1L);
    }

    /** A rule written straight into the table, as a version without today's save-time checks could have saved it. */
    private void storedByAnOlderVersion(MessagingApp app, String regex) {
        TenantId tenant = new TenantId(UUID.fromString(app.owner().tenantId()));
        database.runInTenant(tenant, () -> database.jdbc().sql("""
                        insert into moderation_rules (tenant_id, app_id, id, name, kind, terms, action, scope, enabled)
                        values (?, ?, ?, 'Old spam domains', 'regex', ?, 'block', 'all', true)""")
                .params(tenant.value(), UUID.fromString(app.appId()), UUID.randomUUID(), new String[] {regex})
                .update());
    }
}
