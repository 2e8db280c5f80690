package io.linnet.billing;

import io.linnet.tenancy.Actor;

import java.util.List;

/**
 * The plans operators sell: create, edit, retire (no new subscriptions; the tenants on it stay) and
 * delete one nobody is on. Free, Pro and Enterprise are seeded on first start. Tenant members see the
 * plans they may change to (not retired).
 */
public interface Plans {

    /** Operators: every plan, retired ones last. */
    List<Plan> list(Actor.Operator operator);

    /** A tenant member: the plans on offer (not retired), their own included. */
    List<Plan> offered(Actor.Member member);

    Plan get(Actor.Operator operator, PlanId id);

    Plan create(Actor.Operator operator, PlanDraft draft);

    Plan update(Actor.Operator operator, PlanId id, PlanDraft draft);

    Plan retire(Actor.Operator operator, PlanId id);

    /** Deletes a plan no tenant has ever been on; a plan in use answers 409 (retire it instead). */
    void delete(Actor.Operator operator, PlanId id);

    /** How many tenants are on each plan now. */
    java.util.Map<PlanId, Integer> subscribers(Actor.Operator operator);
}
