package io.linnet.console.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.linnet.tenancy.tenant.Tenant;

import java.util.function.BooleanSupplier;

/**
 * Asks an operator to type the tenant's name before deleting it, since a deletion cannot be undone.
 */
class DeleteTenantDialog extends Dialog {

    DeleteTenantDialog(Tenant tenant, BooleanSupplier delete) {
        setId("delete-tenant-dialog");
        setHeaderTitle("Delete " + tenant.name() + "?");
        setWidth("32rem");
        TextField name = new TextField("Type the tenant's name to confirm");
        name.setId("delete-tenant-name");
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph("This deletes its apps, app keys, members and all their data, for good. "
                + "The audit log keeps a record of it."), name);

        Button confirm = new Button("Delete for good", event -> {
            if (delete.getAsBoolean()) {
                close();
            }
        });
        confirm.setId("delete-tenant-confirm");
        confirm.setEnabled(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        name.addValueChangeListener(event -> confirm.setEnabled(tenant.name().equals(event.getValue().strip())));
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }
}
