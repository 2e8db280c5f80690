package io.linnet.tenancy.audit;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code /manage/v1/audit}: the tenant's audit log; {@code /ops/v1/audit}: the platform's. Newest
 * first, narrowed by {@code who} (the actor), {@code action}, {@code target} (each found anywhere in its
 * field), {@code from} and {@code to} (UTC days, both included) and {@code q} (anywhere in the entry).
 */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/manage/v1/audit")
    Page<AuditEntry> list(Actor.Member actor, @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String cursor, @RequestParam(required = false) String who,
                          @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String q) {
        return audit.list(actor, filter(who, action, target, from, to, q), Page.Request.of(limit, cursor));
    }

    @GetMapping("/ops/v1/audit")
    Page<AuditEntry> listAll(Actor.Operator actor, @RequestParam(required = false) String tenantId,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) String who, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String q) {
        return audit.listAll(actor, Optional.ofNullable(tenantId).map(TenantId::of),
                filter(who, action, target, from, to, q), Page.Request.of(limit, cursor));
    }

    private static AuditFilter filter(String actor, String action, String target, String from, String to, String q) {
        return new AuditFilter(actor, action, target, day("from", from), day("to", to), q);
    }

    private static LocalDate day(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name + " must be a day such as 2026-01-31");
        }
    }
}
