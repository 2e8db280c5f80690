package io.linnet.analytics.meter;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.analytics.ApiUsage;
import io.linnet.analytics.Metric;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.DeliveryMeter;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserConnected;
import io.linnet.messaging.UserCreated;
import io.linnet.messaging.UserDisconnected;
import io.linnet.moderation.MessageModerated;
import io.linnet.push.PushActivity;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what the other modules announce into counts of this node's {@link Meter}: messages and their
 * bytes, live deliveries, recalls, new and active end users, connections, developer API calls, pushes
 * at each stage, and moderation outcomes.
 * Nothing here touches the database or can fail what it counts.
 */
@Component
class MeterListeners implements DeliveryMeter, ApiUsage {

    private final Meter meter;
    private final boolean metering;

    MeterListeners(Meter meter, AnalyticsSettings settings) {
        this.meter = meter;
        this.metering = settings.metering();
    }

    /**
     * Runs after every other listener of the event: {@link MessageSent} is announced again when one of
     * them throws, and a listener that runs last has seen it only once it is done with, so a message is
     * counted twice only when its outbox row could not be removed after all of them ran.
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void sent(MessageSent sent) {
        if (!metering) {
            return;
        }
        AppRef app = new AppRef(sent.tenantId(), sent.appId());
        meter.add(app, sent.conversationType() == ConversationType.GROUP ? Metric.MESSAGES_GROUP : Metric.MESSAGES_DIRECT, 1);
        meter.add(app, Metric.MESSAGE_BYTES, sent.bodyBytes());
        meter.active(app, sent.senderId().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void recalled(MessageRecalled recalled) {
        if (metering) {
            meter.add(new AppRef(recalled.tenantId(), recalled.appId()), Metric.RECALLS, 1);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void created(UserCreated created) {
        if (metering) {
            meter.add(created.app(), Metric.NEW_USERS, 1);
        }
    }

    @EventListener
    void connected(UserConnected connected) {
        if (metering) {
            meter.connected(connected.app());
            meter.active(connected.app(), connected.userId().value());
        }
    }

    @EventListener
    void disconnected(UserDisconnected disconnected) {
        if (metering) {
            meter.disconnected(disconnected.app());
        }
    }

    @EventListener
    void push(PushActivity activity) {
        if (!metering) {
            return;
        }
        for (PushActivity.Count count : activity.counts()) {
            String provider = count.provider().map(PushProvider::wireName).orElse("");
            switch (count.stage()) {
                case TARGETED -> meter.add(count.app(), Metric.PUSH_TARGETED, provider, count.count());
                case SENT -> meter.add(count.app(), Metric.PUSH_SENT, provider, count.count());
                case DELIVERED -> meter.add(count.app(), Metric.PUSH_DELIVERED, provider, count.count());
                case FAILED -> meter.add(count.app(), Metric.PUSH_FAILED, provider + "/" + count.reason(), count.count());
                case DEAD_TOKEN -> meter.add(count.app(), Metric.PUSH_DEAD_TOKENS, provider, count.count());
                case OPENED -> meter.add(count.app(), Metric.PUSH_OPENED, provider, count.count());
            }
        }
    }

    @EventListener
    void moderated(MessageModerated moderated) {
        if (!metering) {
            return;
        }
        meter.add(moderated.app(), switch (moderated.outcome()) {
            case BLOCKED -> Metric.MODERATION_BLOCKED;
            case MASKED -> Metric.MODERATION_MASKED;
            case FLAGGED -> Metric.MODERATION_FLAGGED;
            case REPORTED -> Metric.MODERATION_REPORTED;
        }, 1);
    }

    @Override
    public void delivered(AppRef app, int devices) {
        if (metering) {
            meter.add(app, Metric.DELIVERIES, devices);
        }
    }

    @Override
    public void answered(AppCaller caller, int status) {
        if (!metering) {
            return;
        }
        AppRef app = new AppRef(caller.tenantId(), caller.appId());
        meter.add(app, Metric.API_CALLS, caller.keyId(), 1);
        if (status >= 500) {
            meter.add(app, Metric.API_SERVER_ERRORS, caller.keyId(), 1);
        } else if (status >= 400) {
            meter.add(app, Metric.API_CLIENT_ERRORS, caller.keyId(), 1);
        }
    }
}
