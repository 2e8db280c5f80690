package io.linnet.billing.plan;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.PlanLimits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How a plan is stored in {@code billing_plans}: the columns to select, and a row read back. */
public final class PlanRows {

    public static final String COLUMNS = """
            id, name, currency, monthly_price, included_mau, included_messages, included_pushes, included_storage_gb,
            overage_mau, overage_messages, overage_pushes, overage_storage_gb, hard_quota, max_apps,
            max_connections_per_app, api_requests_per_second, sends_per_second_per_user, pushes_per_second_per_app,
            message_retention_days, is_default, retired_at""";

    private PlanRows() {
    }

    /** {@link #COLUMNS}, each prefixed with {@code alias.}, for a join. */
    public static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> alias + "." + column.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The column of what a plan includes of {@code metric}. */
    static String includedColumn(BillableMetric metric) {
        return "included_" + column(metric);
    }

    static String overageColumn(BillableMetric metric) {
        return "overage_" + column(metric);
    }

    private static String column(BillableMetric metric) {
        return switch (metric) {
            case ACTIVE_USERS -> "mau";
            case MESSAGES -> "messages";
            case PUSHES -> "pushes";
            case STORAGE_GB -> "storage_gb";
        };
    }

    public static Plan plan(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        Map<BillableMetric, Long> included = new EnumMap<>(BillableMetric.class);
        Map<BillableMetric, BigDecimal> overage = new EnumMap<>(BillableMetric.class);
        for (BillableMetric metric : BillableMetric.values()) {
            included.put(metric, rs.getLong(includedColumn(metric)));
            overage.put(metric, rs.getBigDecimal(overageColumn(metric)).stripTrailingZeros());
        }
        Timestamp retired = rs.getTimestamp("retired_at");
        return new Plan(new PlanId(rs.getObject("id", UUID.class)), rs.getString("name"),
                new Money(rs.getBigDecimal("monthly_price"), currency).rounded(), included, overage, rs.getBoolean("hard_quota"),
                new PlanLimits(rs.getInt("max_apps"), rs.getInt("max_connections_per_app"), rs.getInt("api_requests_per_second"),
                        rs.getInt("sends_per_second_per_user"), rs.getInt("pushes_per_second_per_app"),
                        rs.getInt("message_retention_days")),
                rs.getBoolean("is_default"), Optional.ofNullable(retired).map(Timestamp::toInstant));
    }
}
