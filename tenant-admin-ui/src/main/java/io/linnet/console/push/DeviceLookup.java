package io.linnet.console.push;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.FieldErrors;
import io.linnet.console.component.Times;
import io.linnet.messaging.UserId;
import io.linnet.push.Device;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;

import java.util.List;
import java.util.function.Function;

/**
 * Finds a user's devices: which providers, which app versions, and whether each is still valid (and if not, why).
 * Every look-up starts from an empty list, so a search that finds nothing never shows the previous user's devices.
 */
class DeviceLookup extends Composite<VerticalLayout> {

    static final String USER_ID_RULE = "A user id is 1 to 128 letters, digits or '_', '.', '@', ':', '-'";

    private final TextField user = new TextField("User id");
    private final Grid<Device> grid = new Grid<>(Device.class, false);
    private final EmptyState prompt = new EmptyState("Look up a user's devices",
            "Enter the user id your app registers devices for (POST /v1/users/{userId}/devices).");
    private final EmptyState none = new EmptyState("No devices",
            "This user has registered no device yet, so pushes to them reach nobody.");
    private final EmptyState unknown = new EmptyState("No such user",
            "This app has no user with this id. Check the id your app uses for them; it is case-sensitive.");
    private final FieldErrors errors = new FieldErrors("device-lookup-error").on("userId", user);
    private final Function<UserId, List<Device>> devicesOf;

    DeviceLookup(Function<UserId, List<Device>> devicesOf) {
        this.devicesOf = devicesOf;
        user.setId("device-user");
        user.setClearButtonVisible(true);
        // the look-up decides when the field is wrong; the field's own check would clear that on the next blur
        user.setManualValidation(true);
        Button find = new Button("Look up", VaadinIcon.SEARCH.create(), event -> lookUp());
        find.setId("device-lookup");
        find.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        HorizontalLayout search = new HorizontalLayout(user, find);
        search.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("devices");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(device -> device.provider().wireName()).setHeader("Provider").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeviceLookup::address).setHeader("Token or endpoint").setWidth("14rem").setFlexGrow(3)
                .setPartNameGenerator(device -> "wrap-anywhere");
        grid.addColumn(device -> device.environment() == null ? "" : device.environment()).setHeader("Environment")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(device -> device.appVersion() == null ? "" : device.appVersion()).setHeader("App version")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(DeviceLookup::validity).setHeader("Valid").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(device -> Times.format(device.lastSeenAt())).setHeader("Last seen (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(device -> device.id().toString()).setHeader("Device id").setWidth("10rem").setFlexGrow(1)
                .setPartNameGenerator(device -> "wrap-anywhere");
        grid.setVisible(false);
        none.setVisible(false);
        none.setId("devices-empty");
        unknown.setVisible(false);
        unknown.setId("devices-unknown-user");

        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(search, prompt, none, unknown, errors.general(), grid);
    }

    private void lookUp() {
        grid.setItems(List.of());
        grid.setVisible(false);
        none.setVisible(false);
        unknown.setVisible(false);
        prompt.setVisible(false);
        errors.clear();
        String raw = user.getValue().strip();
        if (raw.isEmpty() || !UserId.isValid(raw)) {
            errors.reject(user, raw.isEmpty() ? "Enter a user id" : USER_ID_RULE);
            prompt.setVisible(true);
            return;
        }
        try {
            show(devicesOf.apply(UserId.of(raw)));
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND && refused.getMessage().startsWith("User")) {
                errors.reject(user, "No user with this id in this app");
                unknown.setVisible(true);
            } else {
                errors.show(refused.getMessage());
            }
        }
    }

    private void show(List<Device> devices) {
        grid.setItems(devices);
        grid.recalculateColumnWidths();
        grid.setVisible(!devices.isEmpty());
        none.setVisible(devices.isEmpty());
    }

    /** A token's first and last characters, enough to recognise it; a subscription's push service. */
    static String address(Device device) {
        if (device.subscription() != null) {
            String endpoint = device.subscription().endpoint();
            int path = endpoint.indexOf('/', endpoint.indexOf("//") + 2);
            return path < 0 ? endpoint : endpoint.substring(0, path) + "/…";
        }
        String token = device.token();
        return token.length() <= 20 ? token : token.substring(0, 12) + "…" + token.substring(token.length() - 6);
    }

    private static Component validity(Device device) {
        Span badge = new Span(device.valid() ? "valid" : "invalid: " + device.invalidReason());
        badge.getElement().getThemeList().add(device.valid() ? "badge success" : "badge error");
        return badge;
    }
}
