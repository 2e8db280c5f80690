package io.linnet.moderation;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.StorableText;
import io.linnet.moderation.rule.RuleRows;
import io.linnet.moderation.rule.RuleSet;
import io.linnet.moderation.screening.ModerationStates;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An app's moderation rules, as its admins and moderators manage them: list, create, change,
 * delete, import and export a rule's terms as a text file (one per line), and try a text against
 * the rules in force. Every change is checked by compiling the app's whole rule set as the send
 * path will (so a rule that cannot compile, or a set over the limits, is refused with a clear
 * message), recorded in the audit log, and announced to every node.
 */
@Service
public class ModerationRules {

    /** The most rules one app may have. */
    public static final int MAX_RULES = 200;
    /** The most terms one rule may have (a keyword list of this size is well within what the matcher handles). */
    public static final int MAX_TERMS = 50_000;

    /**
     * A rule as an admin writes it. On create every field but {@code enabled} (default true) is
     * required; on update a field left null keeps its value.
     */
    public record RuleDraft(String name, String kind, List<String> terms, String action, String scope, Boolean enabled) {
    }

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;
    private final ModerationStates states;

    ModerationRules(TenantDatabase database, AppManagement apps, AuditLog audit, ModerationStates states) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.states = states;
    }

    /** The app's rules, oldest first. */
    public List<Rule> list(Actor.Member actor, AppId app) {
        actor.require(Permission.MODERATION);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return all(new AppRef(actor.tenantId(), app));
        });
    }

    public Rule get(Actor.Member actor, AppId app, String ruleId) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(ruleId, "Rule");
        return database.inTenant(actor.tenantId(), () -> find(new AppRef(actor.tenantId(), app), id));
    }

    public Rule create(Actor.Member actor, AppId app, RuleDraft draft) {
        actor.require(Permission.MODERATION);
        if (draft == null) {
            throw DomainException.invalid("The request body is missing: send {name, kind, terms, action, scope}");
        }
        AppRef ref = new AppRef(actor.tenantId(), app);
        Rule created = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            List<Rule> rules = all(ref);
            if (rules.size() >= MAX_RULES) {
                throw DomainException.conflict("An app may have at most " + MAX_RULES + " rules");
            }
            Rule rule = checked(new Rule(Ids.next().toString(), draft.name(),
                    draft.kind() == null ? null : RuleKind.of(draft.kind()), terms(draft.terms()),
                    draft.action() == null ? null : RuleAction.of(draft.action()),
                    draft.scope() == null ? RuleScope.ALL : RuleScope.of(draft.scope()),
                    draft.enabled() == null || draft.enabled()));
            compileWith(rules, rule);
            database.jdbc().sql("""
                            insert into moderation_rules (tenant_id, app_id, id, name, kind, terms, action, scope, enabled)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ref.tenantId().value(), app.value(), UUID.fromString(rule.id()), rule.name(),
                            rule.kind().wireName(), rule.terms().toArray(String[]::new), rule.action().wireName(),
                            rule.scope().wireName(), rule.enabled())
                    .update();
            audit.record(actor, "moderation.rule.created", "moderation_rule", rule.id(), details(app, rule));
            return rule;
        });
        states.changed(ref);
        return created;
    }

    public Rule update(Actor.Member actor, AppId app, String ruleId, RuleDraft draft) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(ruleId, "Rule");
        if (draft == null) {
            throw DomainException.invalid("The request body is missing: send the fields to change");
        }
        return replace(actor, app, id, current -> new Rule(current.id(),
                draft.name() == null ? current.name() : draft.name(),
                draft.kind() == null ? current.kind() : RuleKind.of(draft.kind()),
                draft.terms() == null ? current.terms() : terms(draft.terms()),
                draft.action() == null ? current.action() : RuleAction.of(draft.action()),
                draft.scope() == null ? current.scope() : RuleScope.of(draft.scope()),
                draft.enabled() == null ? current.enabled() : draft.enabled()), "moderation.rule.updated");
    }

    /** Replaces (or, with {@code append}, extends) a rule's terms from a text file: one term per line; blank lines and lines starting with '#' are skipped. */
    public Rule importTerms(Actor.Member actor, AppId app, String ruleId, String text, boolean append) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(ruleId, "Rule");
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n|\r")) {
            String term = line.strip();
            if (!term.isEmpty() && !term.startsWith("#")) {
                lines.add(term);
            }
        }
        return replace(actor, app, id, current -> {
            List<String> terms = new ArrayList<>(append ? current.terms() : List.of());
            terms.addAll(lines);
            return new Rule(current.id(), current.name(), current.kind(), terms(terms), current.action(), current.scope(),
                    current.enabled());
        }, "moderation.rule.imported");
    }

    /** A rule's terms as a text file, one per line. */
    public String exportTerms(Actor.Member actor, AppId app, String ruleId) {
        Rule rule = get(actor, app, ruleId);
        return rule.terms().isEmpty() ? "" : String.join("\n", rule.terms()) + "\n";
    }

    public void delete(Actor.Member actor, AppId app, String ruleId) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(ruleId, "Rule");
        AppRef ref = new AppRef(actor.tenantId(), app);
        database.runInTenant(actor.tenantId(), () -> {
            Rule rule = find(ref, id);
            database.jdbc().sql("delete from moderation_rules where tenant_id = ? and app_id = ? and id = ?")
                    .params(ref.tenantId().value(), app.value(), id)
                    .update();
            audit.record(actor, "moderation.rule.deleted", "moderation_rule", rule.id(), details(app, rule));
        });
        states.changed(ref);
    }

    /** What the rules in force would do to a text sent in a conversation of the given type (any type when empty). */
    public Verdict tryText(Actor.Member actor, AppId app, String text, Optional<ConversationType> type) {
        actor.require(Permission.MODERATION);
        if (text == null) {
            throw DomainException.invalid("text is required");
        }
        if (text.length() > 10_000) {
            throw DomainException.invalid("text must be at most 10000 characters");
        }
        AppRef ref = new AppRef(actor.tenantId(), app);
        database.inTenant(actor.tenantId(), () -> apps.find(actor.tenantId(), app));
        return states.of(ref).rules().check(text, type.orElse(null));
    }

    private Rule replace(Actor.Member actor, AppId app, UUID id, java.util.function.UnaryOperator<Rule> change, String action) {
        AppRef ref = new AppRef(actor.tenantId(), app);
        Rule changed = database.inTenant(actor.tenantId(), () -> {
            Rule current = find(ref, id);
            Rule rule = checked(change.apply(current));
            List<Rule> others = new ArrayList<>(all(ref));
            others.removeIf(other -> other.id().equals(rule.id()));
            compileWith(others, rule);
            database.jdbc().sql("""
                            update moderation_rules set name = ?, kind = ?, terms = ?, action = ?, scope = ?, enabled = ?,
                                   updated_at = now()
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(rule.name(), rule.kind().wireName(), rule.terms().toArray(String[]::new),
                            rule.action().wireName(), rule.scope().wireName(), rule.enabled(),
                            ref.tenantId().value(), app.value(), id)
                    .update();
            audit.record(actor, action, "moderation_rule", rule.id(), details(app, rule));
            return rule;
        });
        states.changed(ref);
        return changed;
    }

    private List<Rule> all(AppRef app) {
        return database.jdbc().sql("select " + RuleRows.COLUMNS
                        + " from moderation_rules where tenant_id = ? and app_id = ? order by created_at, id")
                .params(app.tenantId().value(), app.appId().value())
                .query(RuleRows::rule)
                .list();
    }

    private Rule find(AppRef app, UUID id) {
        apps.find(app.tenantId(), app.appId());
        return database.jdbc().sql("select " + RuleRows.COLUMNS
                        + " from moderation_rules where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id)
                .query(RuleRows::rule)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Rule"));
    }

    private static Rule checked(Rule rule) {
        String name = rule.name() == null ? "" : rule.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalid("name must be 1 to 100 characters");
        }
        if (rule.kind() == null) {
            throw DomainException.invalid("kind is required: 'keywords' or 'regex'");
        }
        if (rule.action() == null) {
            throw DomainException.invalid("action is required: 'block', 'mask' or 'flag'");
        }
        if (rule.terms().isEmpty()) {
            throw DomainException.invalid("terms must list at least one " + (rule.kind() == RuleKind.REGEX ? "regular expression" : "keyword"));
        }
        if (rule.terms().size() > MAX_TERMS) {
            throw DomainException.invalid("A rule may have at most " + MAX_TERMS + " terms");
        }
        StorableText.check(name, "name");
        rule.terms().forEach(term -> StorableText.check(term, "terms"));
        Rule named = new Rule(rule.id(), name, rule.kind(), rule.terms(), rule.action(), rule.scope(), rule.enabled());
        RuleSet.validate(named);
        return named;
    }

    /** Compiles the app's rule set with this rule in it, as the send path will: refuses what could not run there. */
    private static void compileWith(List<Rule> others, Rule rule) {
        List<Rule> all = new ArrayList<>(others);
        all.add(rule);
        RuleSet.compile(all);
    }

    /** Terms as stored: stripped, blank ones dropped, repeats dropped, in their order. */
    private static List<String> terms(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (String term : raw) {
            if (term != null && !term.isBlank()) {
                terms.add(term.strip());
            }
        }
        return List.copyOf(terms);
    }

    private static Map<String, Object> details(AppId app, Rule rule) {
        return Map.of("appId", app.toString(), "name", rule.name(), "kind", rule.kind().wireName(),
                "action", rule.action().wireName(), "scope", rule.scope().wireName(), "terms", rule.terms().size(),
                "enabled", rule.enabled());
    }
}
