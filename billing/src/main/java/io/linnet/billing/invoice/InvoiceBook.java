package io.linnet.billing.invoice;

import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceId;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Invoices;
import io.linnet.billing.Money;
import io.linnet.billing.Statement;
import io.linnet.billing.Subscription;
import io.linnet.billing.subscription.SubscriptionBook;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.tenant.TenantManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Invoices ({@code billing_invoices} and their lines). The period close writes each tenant's invoice of
 * a period once: the subscription's row is locked while it is written (another node skips it), the
 * invoice's key is (tenant, period), and the subscription moves to the next period in the same
 * transaction, so two nodes, a retry or a restart halfway can neither write two nor skip one.
 */
@Service
public class InvoiceBook implements Invoices {

    /** How long after a period ends it is closed: the last counts of the period have reached the database by then. */
    static final Duration CLOSE_AFTER = Duration.ofMinutes(10);
    static final int MAX_REASON = 500;

    private static final String COLUMNS = """
            tenant_id, id, number, tenant_name, period_start, period_end, currency, subtotal, tax_rate, tax, total, status,
            void_reason, created_at, issued_at, paid_at, voided_at""";

    private final PlatformDatabase platform;
    private final TenantDatabase tenants;
    private final SubscriptionBook subscriptions;
    private final TenantManagement tenantNames;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    InvoiceBook(PlatformDatabase platform, TenantDatabase tenants, SubscriptionBook subscriptions,
                TenantManagement tenantNames, AuditLog audit) {
        this(platform, tenants, subscriptions, tenantNames, audit, Clock.systemUTC());
    }

    /** With a clock of its own: the tests' way to a period's end. */
    public InvoiceBook(PlatformDatabase platform, TenantDatabase tenants, SubscriptionBook subscriptions,
                       TenantManagement tenantNames, AuditLog audit, Clock clock) {
        this.platform = platform;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.tenantNames = tenantNames;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Invoice> list(Actor.Member member) {
        member.require(Permission.BILLING);
        return tenants.inTenant(member.tenantId(), () -> read(tenants.jdbc(), """
                        where tenant_id = :tenant and status <> 'draft' order by period_start desc, created_at desc""",
                Map.of("tenant", member.tenantId().value())));
    }

    @Override
    public Invoice get(Actor.Member member, InvoiceId id) {
        member.require(Permission.BILLING);
        return tenants.inTenant(member.tenantId(), () -> read(tenants.jdbc(), """
                        where tenant_id = :tenant and id = :id and status <> 'draft'""",
                Map.of("tenant", member.tenantId().value(), "id", id.value())))
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("Invoice"));
    }

    @Override
    public byte[] pdf(Actor.Member member, InvoiceId id) {
        return InvoicePdf.render(get(member, id));
    }

    @Override
    public String csv(Actor.Member member, InvoiceId id) {
        return InvoiceCsv.of(get(member, id));
    }

    @Override
    public List<Invoice> list(Actor.Operator operator, Optional<TenantId> tenant, Optional<InvoiceStatus> status) {
        java.util.Objects.requireNonNull(operator, "operator");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.map(TenantId::value).orElse(null));
        params.put("status", status.map(InvoiceStatus::wireName).orElse(null));
        return read(platform.jdbc(), """
                        where (cast(:tenant as uuid) is null or tenant_id = cast(:tenant as uuid))
                          and (cast(:status as text) is null or status = cast(:status as text))
                        order by period_start desc, created_at desc limit 1000""", params);
    }

    @Override
    public Invoice get(Actor.Operator operator, InvoiceId id) {
        java.util.Objects.requireNonNull(operator, "operator");
        return find(id).orElseThrow(() -> DomainException.notFound("Invoice"));
    }

    @Override
    public byte[] pdf(Actor.Operator operator, InvoiceId id) {
        return InvoicePdf.render(get(operator, id));
    }

    @Override
    public String csv(Actor.Operator operator, InvoiceId id) {
        return InvoiceCsv.of(get(operator, id));
    }

    @Override
    public String csvOfAll(Actor.Operator operator, Optional<TenantId> tenant, Optional<InvoiceStatus> status) {
        return InvoiceCsv.ofAll(list(operator, tenant, status));
    }

    @Override
    public Invoice issue(Actor.Operator operator, InvoiceId id) {
        return move(operator, id, InvoiceStatus.ISSUED, Set.of(InvoiceStatus.DRAFT), "issued_at", Optional.empty());
    }

    @Override
    public Invoice markPaid(Actor.Operator operator, InvoiceId id) {
        return move(operator, id, InvoiceStatus.PAID, Set.of(InvoiceStatus.ISSUED), "paid_at", Optional.empty());
    }

    @Override
    public Invoice voidInvoice(Actor.Operator operator, InvoiceId id, String reason) {
        String checked = reason == null ? "" : reason.strip();
        if (checked.isEmpty() || checked.length() > MAX_REASON) {
            throw DomainException.invalid("reason: say why the invoice is void (1 to " + MAX_REASON + " characters)");
        }
        return move(operator, id, InvoiceStatus.VOID, Set.of(InvoiceStatus.DRAFT, InvoiceStatus.ISSUED), "voided_at",
                Optional.of(checked));
    }

    private Invoice move(Actor.Operator operator, InvoiceId id, InvoiceStatus to, Set<InvoiceStatus> from, String stamp,
                         Optional<String> reason) {
        return platform.inTransaction(() -> {
            Invoice invoice = read(platform.jdbc(), "where id = :id for update", Map.of("id", id.value()))
                    .stream().findFirst().orElseThrow(() -> DomainException.notFound("Invoice"));
            if (invoice.status() == to) {
                return invoice;
            }
            if (!from.contains(invoice.status())) {
                throw DomainException.conflict("A " + invoice.status().wireName() + " invoice cannot become " + to.wireName());
            }
            platform.jdbc().sql("update billing_invoices set status = ?, " + stamp + " = now(), void_reason = ? where id = ?")
                    .params(to.wireName(), reason.orElse(null), id.value())
                    .update();
            Map<String, Object> details = new HashMap<>();
            details.put("number", invoice.number());
            reason.ifPresent(why -> details.put("reason", why));
            audit.recordOnPlatform(Optional.of(invoice.tenantId()), operator, "invoice." + to.wireName(), "invoice",
                    id.toString(), details);
            return find(id).orElseThrow();
        });
    }

    @Override
    public int closeEndedPeriods() {
        BillingPeriod current = BillingPeriod.current(clock);
        if (clock.instant().isBefore(current.start().atStartOfDay().toInstant(ZoneOffset.UTC).plus(CLOSE_AFTER))) {
            // the first minutes of a period: the last counts of the one before may still be on their way
            current = BillingPeriod.containing(current.start().minusDays(1));
        }
        LocalDate openFrom = current.start();
        int written = 0;
        while (true) {
            List<UUID> behind = platform.jdbc().sql("select tenant_id from billing_subscriptions where period_start < ? limit 500")
                    .param(openFrom)
                    .query(UUID.class)
                    .list();
            int closed = 0;
            for (UUID tenant : behind) {
                Optional<Boolean> wrote = platform.inTransaction(() -> closeOldestPeriod(new TenantId(tenant), openFrom));
                if (wrote.isPresent()) {
                    closed++;
                    written += wrote.get() ? 1 : 0;
                }
            }
            if (closed == 0) {
                return written;
            }
        }
    }

    /**
     * Closes the tenant's oldest open period before {@code openFrom}, if no other node is doing it; answers
     * empty when there was nothing to do here, else whether this call wrote the invoice.
     */
    private Optional<Boolean> closeOldestPeriod(TenantId tenant, LocalDate openFrom) {
        Optional<LocalDate> start = platform.jdbc().sql("""
                        select period_start from billing_subscriptions
                         where tenant_id = ? and period_start < ? for update skip locked""")
                .params(tenant.value(), openFrom)
                .query(LocalDate.class)
                .optional();
        if (start.isEmpty()) {
            return Optional.empty();
        }
        BillingPeriod period = BillingPeriod.containing(start.get());
        Subscription subscription = subscriptions.of(tenant);
        List<PlanSpan> spans = subscriptions.spans(tenant, period);
        boolean wrote = false;
        if (!spans.isEmpty()) {
            BillableUsage usage = subscriptions.usage(tenant, period.start(), period.end());
            Statement statement = InvoiceCalculator.statement(period, spans, usage, subscription.taxRatePercent());
            wrote = write(tenant, statement);
        }
        platform.jdbc().sql("update billing_subscriptions set period_start = ? where tenant_id = ?")
                .params(period.end(), tenant.value())
                .update();
        return Optional.of(wrote);
    }

    private boolean write(TenantId tenant, Statement statement) {
        InvoiceId id = new InvoiceId(Ids.next());
        String name = tenantNames.names(Set.of(tenant)).getOrDefault(tenant, tenant.toString());
        int added = platform.jdbc().sql("""
                        insert into billing_invoices (tenant_id, id, number, tenant_name, period_start, period_end, currency,
                               subtotal, tax_rate, tax, total, status)
                        values (:tenant, :id, 'LN-' || :label || '-' || lpad(nextval('billing_invoice_numbers')::text, 6, '0'),
                               :name, :start, :end, :currency, :subtotal, :taxRate, :tax, :total, 'draft')
                        on conflict (tenant_id, period_start) do nothing""")
                .param("tenant", tenant.value())
                .param("id", id.value())
                .param("label", statement.period().label())
                .param("name", name)
                .param("start", statement.period().start())
                .param("end", statement.period().end())
                .param("currency", statement.currency().getCurrencyCode())
                .param("subtotal", statement.subtotal().amount())
                .param("taxRate", statement.taxRatePercent().orElse(null))
                .param("tax", statement.tax().amount())
                .param("total", statement.total().amount())
                .update();
        if (added == 0) {
            return false;
        }
        int position = 0;
        for (InvoiceLine line : statement.lines()) {
            platform.jdbc().sql("""
                            insert into billing_invoice_lines (tenant_id, invoice_id, position, kind, description, quantity,
                                   unit_price, amount)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), id.value(), position++, line.kind().name().toLowerCase(Locale.ROOT),
                            line.description(), line.quantity(), line.unitPrice().amount(), line.amount().amount())
                    .update();
        }
        audit.recordBySystem(tenant, "invoice.created", "invoice", id.toString(),
                Map.of("period", statement.period().label(), "total", statement.total().toString()));
        return true;
    }

    private Optional<Invoice> find(InvoiceId id) {
        return read(platform.jdbc(), "where id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    private List<Invoice> read(JdbcClient jdbc, String where, Map<String, ?> params) {
        record Row(TenantId tenant, InvoiceId id, String number, String tenantName, BillingPeriod period, Currency currency,
                   BigDecimal subtotal, BigDecimal taxRate, BigDecimal tax, BigDecimal total, InvoiceStatus status,
                   String voidReason, Instant createdAt, Instant issuedAt, Instant paidAt, Instant voidedAt) {
        }
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from billing_invoices " + where)
                .params(params)
                .query((rs, n) -> new Row(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new InvoiceId(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getString("tenant_name"),
                        new BillingPeriod(rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class)),
                        Currency.getInstance(rs.getString("currency").trim()), rs.getBigDecimal("subtotal"),
                        rs.getBigDecimal("tax_rate"), rs.getBigDecimal("tax"), rs.getBigDecimal("total"),
                        InvoiceStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("void_reason"),
                        instant(rs, "created_at"), instant(rs, "issued_at"), instant(rs, "paid_at"), instant(rs, "voided_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Currency> currencies = new HashMap<>();
        rows.forEach(row -> currencies.put(row.id().value(), row.currency()));
        Map<UUID, List<InvoiceLine>> lines = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, kind, description, quantity, unit_price, amount, position from billing_invoice_lines
                         where invoice_id = any(?) order by invoice_id, position""")
                .param(rows.stream().map(row -> row.id().value()).toArray(UUID[]::new))
                .query(rs -> {
                    UUID invoice = rs.getObject("invoice_id", UUID.class);
                    Currency currency = currencies.get(invoice);
                    lines.computeIfAbsent(invoice, key -> new ArrayList<>()).add(new InvoiceLine(
                            InvoiceLine.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("description"),
                            rs.getBigDecimal("quantity").stripTrailingZeros(),
                            new Money(rs.getBigDecimal("unit_price").stripTrailingZeros(), currency),
                            new Money(rs.getBigDecimal("amount"), currency).rounded()));
                });
        List<Invoice> invoices = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Statement statement = new Statement(row.period(), row.currency(), lines.getOrDefault(row.id().value(), List.of()),
                    new Money(row.subtotal(), row.currency()).rounded(), Optional.ofNullable(row.taxRate()).map(BigDecimal::stripTrailingZeros),
                    new Money(row.tax(), row.currency()).rounded(), new Money(row.total(), row.currency()).rounded());
            invoices.add(new Invoice(row.id(), row.tenant(), row.tenantName(), row.number(), row.status(), statement,
                    row.createdAt(), Optional.ofNullable(row.issuedAt()), Optional.ofNullable(row.paidAt()),
                    Optional.ofNullable(row.voidedAt()), Optional.ofNullable(row.voidReason())));
        }
        return invoices;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
