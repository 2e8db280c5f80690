package io.linnet.console.team;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.account.Invitation;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.account.Member;
import io.linnet.tenancy.account.MemberManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.List;

/** The tenant's team: who has access with which role; invite, change roles, remove. */
@Route("team")
@PageTitle("Team · Linnet")
@Menu(title = "Team", order = 20, icon = "vaadin:users")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class TeamView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final MemberManagement members;
    private final InvitationLinks links;
    private final PagedGrid<Member> list;
    private final boolean mayWrite;
    private final AccountId self;
    private final List<Role> grantable;

    public TeamView(SignedInAccount signedIn, MemberManagement members, InvitationLinks links) {
        this.signedIn = signedIn;
        this.members = members;
        this.links = links;
        this.mayWrite = signedIn.may(Permission.TEAM_WRITE);
        this.self = signedIn.user().accountId();
        this.grantable = Arrays.stream(Role.values())
                .filter(Role::isTenantRole)
                .filter(role -> role != Role.OWNER || signedIn.may(Permission.TEAM_OWNERSHIP))
                .toList();
        addClassName("console-view");

        Button invite = new Button("Invite member", VaadinIcon.PLUS.create(), event -> openInvite());
        invite.setId("invite-member");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        list = new PagedGrid<>(Member.class, request -> members.list(signedIn.member(), request),
                new EmptyState("No members", "Invite the people who work on your apps."));
        list.grid().setId("members");
        list.grid().addColumn(Member::email).setHeader("E-mail").setFlexGrow(3);
        Grid.Column<Member> name = list.grid().addColumn(member -> member.displayName() == null ? "" : member.displayName())
                .setHeader("Name").setFlexGrow(1);
        list.grid().addColumn(member -> member.role().label()).setHeader("Role").setAutoWidth(true);
        list.grid().addComponentColumn(TeamView::status).setHeader("Status").setAutoWidth(true);
        Grid.Column<Member> lastSignIn = list.grid().addColumn(member -> Times.formatOrNever(member.lastLoginAt()))
                .setHeader("Last sign-in (UTC)").setAutoWidth(true);
        list.secondary(name, lastSignIn);
        if (mayWrite) {
            list.actions(list.grid().addComponentColumn(this::actions).setHeader("").setWidth("19rem").setFlexGrow(0));
        }

        ViewHeader header = new ViewHeader("Team", "Everyone with access to this tenant's console, and their role.",
                mayWrite ? new Button[]{invite} : new Button[0]);
        add(header, list);
        list.reload();
    }

    private static Span status(Member member) {
        Span status = new Span(member.status() == Member.Status.INVITED ? "Invited" : "Active");
        status.getElement().getThemeList().add(member.status() == Member.Status.ACTIVE ? "badge success" : "badge");
        return status;
    }

    private Component actions(Member member) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (member.status() == Member.Status.INVITED) {
            Button reinvite = new Button("New link", VaadinIcon.ENVELOPE.create(), event -> reinvite(member));
            reinvite.setId("reinvite-" + member.id());
            reinvite.setTooltipText("Issue a new invitation link; the old one stops working");
            reinvite.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(reinvite);
        }
        boolean mayTouch = member.role() != Role.OWNER || grantable.contains(Role.OWNER);
        if (mayTouch) {
            Button role = new Button("Change role", event -> openChangeRole(member));
            role.setId("change-role-" + member.id());
            role.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(role);
        }
        if (mayTouch && !member.id().equals(self)) {
            Button remove = new Button("Remove", event -> confirmRemove(member));
            remove.setId("remove-" + member.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(remove);
        }
        return actions;
    }

    private void openInvite() {
        new InviteDialog(grantable, (email, role) -> {
            Invitation invitation = members.invite(signedIn.member(), email, role);
            list.reload();
            return links.linkFor(invitation);
        }).open();
    }

    private void reinvite(Member member) {
        Feedback.attempt(() -> members.reinvite(signedIn.member(), member.id()))
                .ifPresent(this::showLink);
    }

    private void showLink(Invitation invitation) {
        InviteDialog.showingLink(invitation.member().email(), links.linkFor(invitation)).open();
    }

    private void openChangeRole(Member member) {
        new ChangeRoleDialog(member, grantable, role -> {
            boolean changed = Feedback.succeeded(() -> members.changeRole(signedIn.member(), member.id(), role));
            if (changed) {
                Feedback.success(member.email() + " is now " + role.label());
                list.reload();
            }
            return changed;
        }).open();
    }

    private void confirmRemove(Member member) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-remove-member");
        confirm.setHeader("Remove " + member.email() + "?");
        confirm.setText("They lose access to this tenant at once, including any open console session.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> members.remove(signedIn.member(), member.id()))) {
                Feedback.success(member.email() + " is removed");
                list.reload();
            }
        });
        confirm.open();
    }
}
