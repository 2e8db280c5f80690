package io.linnet.console.moderation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.moderation.Restriction;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.Restrictions;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;

/**
 * One app's mutes and bans: those in force with the time they have left (and, on request, those
 * lifted or run out), lifting one with a reason, and muting or banning a user by id.
 */
@Route("moderation/restrictions/:appId?")
@PageTitle("Mutes and bans · Linnet")
@RolesAllowed({"OWNER", "ADMIN", "MODERATOR"})
public class RestrictionsView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final Restrictions restrictions;
    private final Checkbox includeEnded = new Checkbox("Include lifted and ended ones");
    private AppId app;
    private PagedGrid<Restriction> list;

    public RestrictionsView(SignedInAccount signedIn, AppManagement apps, Restrictions restrictions) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.restrictions = restrictions;
        addClassName("console-view");
        includeEnded.setId("restrictions-include-ended");
        includeEnded.addValueChangeListener(event -> list.reload());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ModerationPage.RESTRICTIONS.begin(this, event,
                apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items()).ifPresent(this::show);
    }

    private void show(App chosen) {
        app = chosen.id();
        MuteOrBan muteOrBan = new MuteOrBan(restrictions, signedIn, app, () -> list.reload());
        Button impose = new Button("Mute or ban a user", VaadinIcon.BAN.create(), event -> muteOrBan.anyUser().open());
        impose.setId("restrict-user-open");
        impose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(includeEnded, impose);
        toolbar.addClassName("moderation-toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        list = new PagedGrid<>(Restriction.class, request -> restrictions.list(signedIn.member(), app,
                new Restrictions.Filter(null, null, !includeEnded.getValue()), request),
                new EmptyState("No one is muted or banned", "Mute or ban a user here, or the sender of a message in "
                        + "the review queue. Turn on \"Include lifted and ended ones\" to see past ones."));
        list.grid().setId("restrictions");
        list.grid().addComponentColumn(RestrictionSummary::kindBadge).setHeader("Kind").setWidth("5.5rem").setFlexGrow(0);
        list.grid().addColumn(restriction -> restriction.userId().value()).setHeader("User").setWidth("6rem").setFlexGrow(1)
                .setPartNameGenerator(restriction -> "wrap-anywhere");
        list.grid().addColumn(RestrictionSummary::where).setHeader("Where").setWidth("8rem").setFlexGrow(1)
                .setPartNameGenerator(restriction -> "wrap-anywhere");
        list.grid().addColumn(Restriction::reason).setHeader("Reason").setWidth("8rem").setFlexGrow(2);
        list.grid().addColumn(Restriction::createdBy).setHeader("By").setWidth("16rem").setFlexGrow(1)
                .setPartNameGenerator(restriction -> "wrap-anywhere");
        list.grid().addColumn(restriction -> Times.format(restriction.createdAt())).setHeader("Since (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        list.grid().addComponentColumn(this::remaining).setHeader("Remaining").setWidth("8rem").setFlexGrow(1);
        list.grid().addComponentColumn(this::actions).setHeader("").setWidth("5.5rem").setFlexGrow(0);
        add(toolbar, list);
        list.reload();
    }

    private Span remaining(Restriction restriction) {
        Span remaining = new Span(RestrictionSummary.remaining(restriction, Instant.now()));
        remaining.setId("remaining-" + restriction.id());
        if (restriction.liftReason() != null && !"replaced".equals(restriction.liftReason())) {
            remaining.setTitle("Lifted because: " + restriction.liftReason());
        }
        return remaining;
    }

    private Component actions(Restriction restriction) {
        if (!restriction.activeAt(Instant.now())) {
            return new Span();
        }
        Button lift = new Button("Lift", event -> confirmLift(restriction));
        lift.setId("lift-" + restriction.id());
        lift.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return lift;
    }

    private void confirmLift(Restriction restriction) {
        String what = restriction.kind() == RestrictionKind.BAN ? "ban" : "mute";
        new ReasonDialog("lift", "Lift the " + what + " of " + restriction.userId() + "?",
                restriction.kind() == RestrictionKind.BAN
                        ? restriction.userId() + " may sign in and send again at once."
                        : restriction.userId() + " may send again at once, "
                        + (restriction.conversationId() == null ? "in the whole app." : "in that conversation."),
                "Lift " + what, false, reason -> {
                    restrictions.lift(signedIn.member(), app, restriction.id(), reason);
                    Feedback.success("The " + what + " of " + restriction.userId() + " is lifted");
                    list.reload();
                }).open();
    }
}
