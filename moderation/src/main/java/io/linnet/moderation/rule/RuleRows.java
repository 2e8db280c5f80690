package io.linnet.moderation.rule;

import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Reads {@link Rule}s from {@code moderation_rules} rows selected with {@link #COLUMNS}: for the
 * rules' management and for each node's copy of an app's moderation, which read the same rows.
 */
public final class RuleRows {

    public static final String COLUMNS = "id, name, kind, terms, action, scope, enabled";

    private RuleRows() {
    }

    public static Rule rule(ResultSet rs, int row) throws SQLException {
        Array terms = rs.getArray("terms");
        return new Rule(rs.getObject("id", UUID.class).toString(), rs.getString("name"), RuleKind.of(rs.getString("kind")),
                List.of((String[]) terms.getArray()), RuleAction.of(rs.getString("action")),
                RuleScope.of(rs.getString("scope")), rs.getBoolean("enabled"));
    }
}
