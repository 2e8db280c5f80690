package io.linnet.push.delivery;

import io.linnet.messaging.UserId;
import io.linnet.push.DeviceId;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** A push job's deliveries, one per device, with their state and the provider's reason. */
@Service
public class Deliveries {

    private final TenantDatabase database;

    public Deliveries(TenantDatabase database) {
        this.database = database;
    }

    /** The job's deliveries in device order, only those in {@code state} unless it is null. */
    public Page<Delivery> of(AppRef app, PushJobId job, DeliveryState state, Page.Request request) {
        UUID after = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(app.tenantId(), () -> {
            boolean exists = database.jdbc().sql("select count(*) from push_jobs where tenant_id = ? and app_id = ? and id = ?")
                    .params(app.tenantId().value(), app.appId().value(), job.value())
                    .query(Integer.class)
                    .single() > 0;
            if (!exists) {
                throw DomainException.notFound("Push");
            }
            return Page.of(database.jdbc().sql("""
                            select device_id, user_id, provider, state, attempts, reason, provider_message_id, updated_at
                              from push_deliveries
                             where tenant_id = :tenant and app_id = :app and job_id = :job
                               and (cast(:state as text) is null or state = cast(:state as text))
                               and (cast(:after as uuid) is null or device_id > cast(:after as uuid))
                             order by device_id limit :limit""")
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("job", job.value())
                    .param("state", state == null ? null : state.wireName())
                    .param("after", after)
                    .param("limit", request.limit() + 1)
                    .query((rs, row) -> new Delivery(new DeviceId(rs.getObject("device_id", UUID.class)),
                            new UserId(rs.getString("user_id")), PushProvider.of(rs.getString("provider")),
                            DeliveryState.fromWire(rs.getString("state")), rs.getInt("attempts"), rs.getString("reason"),
                            rs.getString("provider_message_id"), rs.getTimestamp("updated_at").toInstant()))
                    .list(), request.limit(), delivery -> delivery.deviceId().toString());
        });
    }
}
