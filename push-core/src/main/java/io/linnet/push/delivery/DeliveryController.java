package io.linnet.push.delivery;

import io.linnet.push.PushJobId;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/push/{pushId}/deliveries}: how each device's delivery of a push stands (scope {@code push}). */
@RestController
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/v1/push/{pushId}/deliveries")
    Page<Delivery> list(AppCaller caller, @PathVariable String pushId, @RequestParam(required = false) String state,
                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        caller.require("push");
        Page.Request page = Page.Request.of(limit, cursor);
        PushJobId job = PushJobId.of(pushId);
        return deliveries.of(AppRef.of(caller), job, state == null ? null : DeliveryState.parse(state), page);
    }
}
