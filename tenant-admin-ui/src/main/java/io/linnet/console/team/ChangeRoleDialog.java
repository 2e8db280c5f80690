package io.linnet.console.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.account.Member;

import java.util.List;
import java.util.function.Predicate;

/** Picks a member's new role; stays open when the services refuse (e.g. demoting the last owner). */
class ChangeRoleDialog extends Dialog {

    ChangeRoleDialog(Member member, List<Role> grantable, Predicate<Role> change) {
        setId("change-role-dialog");
        setHeaderTitle("Role of " + member.email());
        Select<Role> role = new Select<>();
        role.setId("new-role");
        role.setLabel("Role");
        role.setItems(grantable);
        role.setItemLabelGenerator(Role::label);
        role.setValue(grantable.contains(member.role()) ? member.role() : grantable.getFirst());
        add(role);
        Button save = new Button("Change role", event -> {
            if (change.test(role.getValue())) {
                close();
            }
        });
        save.setId("change-role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }
}
