package io.linnet.console.moderation;

import com.vaadin.flow.component.html.Span;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TryTextTest {

    private static Verdict.Hit hit(RuleAction action) {
        return new Verdict.Hit("r", "Rule", action, 0, 3, "bad");
    }

    private static List<String> outcomes(Verdict verdict) {
        return TryText.outcomes(verdict).stream().map(Span::getText).toList();
    }

    @Test
    void a_block_outweighs_everything_else_and_masking_and_flagging_show_together() {
        assertThat(outcomes(Verdict.none("fine"))).containsExactly("Delivered as is");
        assertThat(outcomes(new Verdict(List.of(hit(RuleAction.MASK), hit(RuleAction.BLOCK)), "***"))).containsExactly("Blocked");
        assertThat(outcomes(new Verdict(List.of(hit(RuleAction.FLAG), hit(RuleAction.MASK)), "***")))
                .containsExactly("Masked", "Flagged");
        assertThat(outcomes(new Verdict(List.of(hit(RuleAction.FLAG)), "bad"))).containsExactly("Flagged");
    }
}
