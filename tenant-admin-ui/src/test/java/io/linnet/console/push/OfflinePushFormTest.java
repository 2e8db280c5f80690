package io.linnet.console.push;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.linnet.push.OfflinePushPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflinePushFormTest {

    private final List<OfflinePushPolicy> saved = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> preview(OfflinePushForm form) {
        return (RadioButtonGroup<String>) form.getContent().getChildren()
                .filter(child -> "offline-push-preview".equals(child.getId().orElse(""))).findFirst().orElseThrow();
    }

    private static Checkbox enabled(OfflinePushForm form) {
        return (Checkbox) form.getContent().getChildren()
                .filter(child -> "offline-push-enabled".equals(child.getId().orElse(""))).findFirst().orElseThrow();
    }

    private static Button save(OfflinePushForm form) {
        return (Button) form.getContent().getChildren()
                .filter(child -> "save-offline-push".equals(child.getId().orElse(""))).findFirst().orElseThrow();
    }

    @Test
    void the_form_starts_from_the_apps_policy_and_hands_over_what_was_chosen() {
        OfflinePushForm form = new OfflinePushForm(OfflinePushPolicy.DEFAULT, saved::add);
        assertThat(enabled(form).getValue()).isTrue();
        assertThat(preview(form).getValue()).isEqualTo("full");

        preview(form).setValue("none");
        save(form).click();

        assertThat(saved).containsExactly(new OfflinePushPolicy(true, "none"));
    }

    @Test
    void with_offline_push_off_there_is_no_preview_to_choose() {
        OfflinePushForm form = new OfflinePushForm(new OfflinePushPolicy(true, "sender"), saved::add);

        enabled(form).setValue(false);
        assertThat(preview(form).isEnabled()).isFalse();
        save(form).click();

        assertThat(saved).containsExactly(new OfflinePushPolicy(false, "sender"));
        assertThat(new OfflinePushForm(new OfflinePushPolicy(false, "full"), saved::add)).satisfies(off ->
                assertThat(preview(off).isEnabled()).isFalse());
    }
}
