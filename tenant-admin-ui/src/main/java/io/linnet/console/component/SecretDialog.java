package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.List;

/**
 * Shows a new secret (an app key's, a hook's signing secret), the only time it is ever shown: Linnet
 * keeps only its hash or an encrypted copy. The dialog closes only by its button, and forgets the
 * secret when it does.
 */
public class SecretDialog extends Dialog {

    /**
     * @param warning what to do now, and what happens if the secret is lost
     * @param before  shown above the secret, e.g. the id that goes with it
     * @param after   shown below it: how to use it
     */
    public SecretDialog(String title, String warning, String secretLabel, String secret, List<Component> before,
                        Component after) {
        setId("secret-dialog");
        setHeaderTitle(title);
        setWidth("36rem");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);

        Div caution = new Div(VaadinIcon.WARNING.create(), new Span(warning));
        caution.setId("secret-warning");
        caution.addClassName("secret-warning");
        add(caution);
        before.forEach(this::add);
        CopyField shown = new CopyField(secretLabel, secret, "secret");
        shown.addClassName("secret-box");
        add(shown, after);

        Button done = new Button("I have stored the secret", event -> {
            shown.clear();
            close();
        });
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
