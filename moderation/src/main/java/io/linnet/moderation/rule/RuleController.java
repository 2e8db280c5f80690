package io.linnet.moderation.rule;

import io.linnet.moderation.ModerationRules;
import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;
import io.linnet.moderation.Verdict;
import io.linnet.messaging.ConversationType;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /manage/v1/apps/{appId}/moderation/rules}: an app's moderation rules, their term lists
 * as text files, and {@code /moderation/check} to try a text against the rules in force.
 */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/moderation")
class RuleController {

    /** A rule in a listing: its terms are counted, not listed (a keyword list may be tens of thousands long). */
    record RuleSummary(String id, String name, RuleKind kind, RuleAction action, RuleScope scope, boolean enabled,
                       int termCount) {

        static RuleSummary of(Rule rule) {
            return new RuleSummary(rule.id(), rule.name(), rule.kind(), rule.action(), rule.scope(), rule.enabled(),
                    rule.terms().size());
        }
    }

    record CheckRequest(String text, String conversationType) {
    }

    /** What the rules would do: the action taken ("block", "mask", "flag" or "none"), the text as it would be stored, and every hit. */
    record CheckResult(String outcome, boolean flagged, String text, List<Verdict.Hit> hits) {

        static CheckResult of(Verdict verdict) {
            String outcome = verdict.blocked() ? "block" : verdict.masked() ? "mask" : verdict.flagged() ? "flag" : "none";
            return new CheckResult(outcome, verdict.flagged(), verdict.blocked() ? null : verdict.text(), verdict.hits());
        }
    }

    private final ModerationRules rules;

    RuleController(ModerationRules rules) {
        this.rules = rules;
    }

    @GetMapping("/rules")
    Map<String, List<RuleSummary>> list(Actor.Member actor, @PathVariable String appId) {
        return Map.of("items", rules.list(actor, AppId.of(appId)).stream().map(RuleSummary::of).toList());
    }

    @PostMapping("/rules")
    ResponseEntity<Rule> create(Actor.Member actor, @PathVariable String appId,
                                @RequestBody(required = false) ModerationRules.RuleDraft draft) {
        Rule rule = rules.create(actor, AppId.of(appId), draft);
        return ResponseEntity.created(URI.create("/manage/v1/apps/" + appId + "/moderation/rules/" + rule.id())).body(rule);
    }

    @GetMapping("/rules/{ruleId}")
    Rule get(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId) {
        return rules.get(actor, AppId.of(appId), ruleId);
    }

    @PatchMapping("/rules/{ruleId}")
    Rule update(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId,
                @RequestBody(required = false) ModerationRules.RuleDraft draft) {
        return rules.update(actor, AppId.of(appId), ruleId, draft);
    }

    @DeleteMapping("/rules/{ruleId}")
    ResponseEntity<Void> delete(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId) {
        rules.delete(actor, AppId.of(appId), ruleId);
        return ResponseEntity.noContent().build();
    }

    /** The rule's terms as a text file, one per line. */
    @GetMapping(path = "/rules/{ruleId}/terms", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> exportTerms(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId) {
        String text = rules.exportTerms(actor, AppId.of(appId), ruleId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rule-" + ruleId + ".txt\"")
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    /** Replaces the rule's terms with a text file's lines. */
    @PutMapping(path = "/rules/{ruleId}/terms", consumes = MediaType.TEXT_PLAIN_VALUE)
    Rule replaceTerms(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId,
                      @RequestBody(required = false) String text) {
        return rules.importTerms(actor, AppId.of(appId), ruleId, text, false);
    }

    /** Adds a text file's lines to the rule's terms. */
    @PostMapping(path = "/rules/{ruleId}/terms", consumes = MediaType.TEXT_PLAIN_VALUE)
    Rule appendTerms(Actor.Member actor, @PathVariable String appId, @PathVariable String ruleId,
                     @RequestBody(required = false) String text) {
        return rules.importTerms(actor, AppId.of(appId), ruleId, text, true);
    }

    @PostMapping("/check")
    CheckResult check(Actor.Member actor, @PathVariable String appId, @RequestBody(required = false) CheckRequest request) {
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {text, conversationType?}");
        }
        Optional<ConversationType> type = Optional.ofNullable(request.conversationType()).map(ConversationType::of);
        return CheckResult.of(rules.tryText(actor, AppId.of(appId), request.text(), type));
    }
}
