package io.linnet.tenancy.audit;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** {@code /manage/v1/audit}: the tenant's audit log; {@code /ops/v1/audit}: the platform's. Newest first. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/manage/v1/audit")
    Page<AuditEntry> list(Actor.Member actor, @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String cursor) {
        return audit.list(actor, Page.Request.of(limit, cursor));
    }

    @GetMapping("/ops/v1/audit")
    Page<AuditEntry> listAll(Actor.Operator actor, @RequestParam(required = false) String tenantId,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return audit.listAll(actor, Optional.ofNullable(tenantId).map(TenantId::of), Page.Request.of(limit, cursor));
    }
}
