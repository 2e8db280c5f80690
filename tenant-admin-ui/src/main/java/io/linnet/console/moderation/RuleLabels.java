package io.linnet.console.moderation;

import com.vaadin.flow.component.html.Span;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;

/** How the rules' settings read in the console. */
final class RuleLabels {

    private RuleLabels() {
    }

    static String kind(RuleKind kind) {
        return kind == RuleKind.KEYWORDS ? "Keywords" : "Regular expressions";
    }

    static String action(RuleAction action) {
        return switch (action) {
            case BLOCK -> "Block";
            case MASK -> "Mask";
            case FLAG -> "Flag";
        };
    }

    /** What the action does, for choosing one. */
    static String actionChoice(RuleAction action) {
        return switch (action) {
            case BLOCK -> "Block: refuse the send, store nothing";
            case MASK -> "Mask: replace the matches with *";
            case FLAG -> "Flag: deliver, and queue for review";
        };
    }

    static String scope(RuleScope scope) {
        return switch (scope) {
            case ALL -> "All conversations";
            case GROUPS -> "Groups only";
            case DIRECT -> "Direct only";
        };
    }

    /** A badge in the colour of what happens: red blocks, grey masks, amber flags. */
    static Span badge(String text, RuleAction action) {
        Span badge = new Span(text);
        switch (action) {
            case BLOCK -> badge.getElement().getThemeList().add("badge error");
            case MASK -> badge.getElement().getThemeList().add("badge contrast");
            case FLAG -> {
                badge.getElement().getThemeList().add("badge");
                badge.addClassName("badge-flag");
            }
        }
        return badge;
    }
}
