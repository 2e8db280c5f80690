package io.linnet.server.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table has one owning module, and only that module's SQL names it (docs/architecture.md): another module asks
 * through the owner's API or reads what its events carry. The check reads every SQL string and text block in the
 * modules' main sources and every {@code CREATE TABLE} of the migrations.
 */
class TableOwnershipTest {

    /** Which module owns which table: a new table gets a line here, or the migrations check below fails. */
    static final Map<String, Set<String>> OWNED = Map.of(
            "tenancy", Set.of("tenants", "apps", "app_keys", "access_tokens", "accounts", "audit_log", "signing_keys"),
            "messaging", Set.of("end_users", "conversations", "conversation_members", "messages", "message_sent_outbox"),
            "moderation", Set.of("moderation_rules", "moderation_hooks", "moderation_reviews", "moderation_reports",
                    "moderation_restrictions", "moderation_daily_counts"),
            "push", Set.of("push_credentials", "push_devices", "push_templates", "push_app_settings", "push_jobs",
                    "push_job_failures", "push_deliveries", "push_opens", "push_tenant_holds"),
            "analytics", Set.of("analytics_hourly", "analytics_daily", "analytics_active_users", "analytics_connection_minutes"),
            "billing", Set.of("billing_plans", "billing_subscriptions", "billing_plan_changes", "billing_invoices",
                    "billing_invoice_lines", "billing_quota_notices"));

    /** The modules whose SQL is checked (the load generator under bench/ seeds its data directly and is no module). */
    static final Set<String> MODULES = Set.of("tenancy", "messaging", "moderation", "push", "analytics", "billing", "console",
            "server");

    private static final Map<String, String> OWNER = OWNED.entrySet().stream()
            .flatMap(owned -> owned.getValue().stream().map(table -> Map.entry(table, owned.getKey())))
            .collect(toMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join|into|update|table|references|lock table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMON_TABLE = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s+as\\s+(?:materialized\\s+)?\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.linnet\\.(\\w+)", Pattern.MULTILINE);
    private static final Pattern CREATE_TABLE = Pattern.compile("create table (?:if not exists )?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    record Naming(String module, String file, String table, String owner) {

        @Override
        public String toString() {
            return module + " names " + owner + "'s table " + table + " in " + file;
        }
    }

    private static List<Path> sources;

    @BeforeAll
    static void findSources() throws IOException {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(TableOwnershipTest::javaFiles).toList();
        }
    }

    @Test
    void no_module_names_another_modules_table_in_sql() {
        List<Naming> crossings = sources.stream().flatMap(file -> crossings(file).stream()).toList();

        assertThat(sources).as("the modules' sources were found").hasSizeGreaterThan(100);
        assertThat(crossings).isEmpty();
    }

    @Test
    void every_table_of_the_migrations_has_an_owner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(REPOSITORY.resolve("db/migrations"))) {
            for (Path migration : migrations.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(migration));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase());
                }
            }
        }

        assertThat(created).as("tables the migrations create").hasSizeGreaterThan(20);
        assertThat(OWNER.keySet()).containsAll(created);
    }

    @Test
    void a_query_that_reads_another_modules_table_is_caught_and_a_common_table_expression_is_not() {
        String planted = """
                package io.linnet.push.offline;
                class Planted {
                    String sql = \"""
                            with apps as (select app_id from push_jobs)
                            select d.user_id from push_devices d
                              join end_users u on u.user_id = d.user_id
                              join apps a on a.app_id = d.app_id\""";
                    String lock = "select id from apps where id = ? for update";
                }
                """.replace("\\\"", "\"");

        assertThat(crossings("Planted.java", planted)).extracting(Naming::table).containsExactly("end_users", "apps");
    }

    private static List<Naming> crossings(Path file) {
        try {
            return crossings(REPOSITORY.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Naming> crossings(String file, String source) {
        Matcher packageName = PACKAGE.matcher(source);
        if (!packageName.find()) {
            return List.of();
        }
        String module = packageName.group(1);
        if (!MODULES.contains(module)) {
            return List.of();
        }
        List<Naming> found = new ArrayList<>();
        for (String sql : sqlTexts(source)) {
            Set<String> commonTables = new HashSet<>();
            Matcher common = COMMON_TABLE.matcher(sql);
            while (common.find()) {
                commonTables.add(common.group(1).toLowerCase());
            }
            Matcher reference = TABLE_REFERENCE.matcher(sql);
            while (reference.find()) {
                String table = reference.group(1).toLowerCase();
                String owner = OWNER.get(table);
                if (owner != null && !owner.equals(module) && !commonTables.contains(table)) {
                    found.add(new Naming(module, file, table, owner));
                }
            }
        }
        return found;
    }

    private static List<String> sqlTexts(String source) {
        List<String> texts = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            texts.add(block.group(1));
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            texts.add(string.group(1));
        }
        return texts;
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
