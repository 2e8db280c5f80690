package io.linnet.console.component;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorsTest {

    private final TextField keyId = new TextField("Key id");
    private final PasswordField password = new PasswordField(".p12 password");
    private final FieldErrors errors = new FieldErrors("upload-error").on("keyId", keyId).on("password", password);

    @Test
    void a_refusal_that_names_a_field_is_shown_on_that_field_in_its_own_words() {
        errors.show("keyId must be the key id Apple shows next to the key: 10 letters and digits, e.g. ABC123DEFG; got 'ABC'");

        assertThat(keyId.isInvalid()).isTrue();
        assertThat(keyId.getErrorMessage()).isEqualTo(
                "Key id must be the key id Apple shows next to the key: 10 letters and digits, e.g. ABC123DEFG; got 'ABC'");
        assertThat(errors.general().isVisible()).isFalse();
    }

    @Test
    void a_wrong_password_is_shown_on_the_password_field() {
        errors.show("The .p12 password is wrong");

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("The .p12 password is wrong");
    }

    @Test
    void a_broken_file_or_a_limit_is_shown_below_the_file_and_cleared_on_the_next_try() {
        errors.show("The .p8 file is not a PEM PKCS#8 EC P-256 key: its content is damaged");

        assertThat(errors.general().isVisible()).isTrue();
        assertThat(errors.general().getText()).isEqualTo("The .p8 file is not a PEM PKCS#8 EC P-256 key: its content is damaged");
        assertThat(keyId.isInvalid()).isFalse();

        errors.clear();
        assertThat(errors.general().isVisible()).isFalse();
    }

    @Test
    void a_hidden_field_does_not_swallow_its_message() {
        keyId.setVisible(false);

        errors.show("keyId is required: the key id Apple shows next to the key (10 letters and digits)");

        assertThat(keyId.isInvalid()).isFalse();
        assertThat(errors.general().getText()).startsWith("KeyId is required");
    }

    @Test
    void a_refusal_worded_field_colon_reason_is_shown_on_that_field_without_the_api_name() {
        TextField price = new TextField("Monthly price");
        TextField included = new TextField("Messages included");
        FieldErrors billing = new FieldErrors("plan-error").on("monthlyPrice", price).on("included.messages", included);

        billing.show("monthlyPrice: zero or more, in EUR with at most 2 decimals");
        assertThat(price.isInvalid()).isTrue();
        assertThat(price.getErrorMessage()).isEqualTo("Zero or more, in EUR with at most 2 decimals");

        billing.show("included.messages: from 0 to 1000000000000");
        assertThat(price.isInvalid()).as("the previous refusal is cleared").isFalse();
        assertThat(included.getErrorMessage()).isEqualTo("From 0 to 1000000000000");

        billing.show("included.mau: from 0 to 1000000000000");
        assertThat(billing.general().getText()).as("a field the form does not have").isEqualTo("Included.mau: from 0 to 1000000000000");
    }
}
