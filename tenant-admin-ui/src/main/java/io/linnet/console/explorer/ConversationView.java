package io.linnet.console.explorer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.FieldErrors;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.ConversationDirectory;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.ConversationMembership;
import io.linnet.messaging.ConversationReading;
import io.linnet.messaging.ConversationSummary;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserImpersonation;
import io.linnet.messaging.UserManagement;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation of an app: what it is, its members with their roles and how far each has read,
 * and, for roles that may read message content, its messages newest first (opening them is audited),
 * with sending as a member and recalling. A role without that permission sees the members and a notice
 * instead of the messages. Members who may change apps add and remove a group's members.
 */
@Route("conversation/:appId/:conversationId")
@PageTitle("Conversation · Linnet")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class ConversationView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final ConversationDirectory conversations;
    private final ConversationReading reading;
    private final UserManagement users;
    private final UserImpersonation impersonation;
    private final MessageRecall recall;

    public ConversationView(SignedInAccount signedIn, AppManagement apps, ConversationDirectory conversations,
                            ConversationReading reading, UserManagement users, UserImpersonation impersonation,
                            MessageRecall recall) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.conversations = conversations;
        this.reading = reading;
        this.users = users;
        this.impersonation = impersonation;
        this.recall = recall;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ExplorerApp.fromAddress(this, apps, signedIn.member(), event, "All conversations", ConversationsView.class)
                .ifPresent(app -> {
                    Optional<ConversationSummary> found = find(app, event.getRouteParameters().get("conversationId").orElse(""));
                    found.ifPresentOrElse(conversation -> show(app, conversation),
                            () -> add(ExplorerApp.notFound("Conversation")));
                });
    }

    private Optional<ConversationSummary> find(ExplorerApp app, String raw) {
        try {
            return Optional.of(conversations.get(app.ref(), ConversationId.of(raw)));
        } catch (DomainException notFound) {
            return Optional.empty();
        }
    }

    private void show(ExplorerApp app, ConversationSummary conversation) {
        H3 title = new H3(ConversationColumns.title(conversation));
        title.setId("conversation-title");
        Span summary = new Span(conversation.type().wireName() + " · " + conversation.memberCount() + " members · "
                + conversation.lastSeq() + " messages · last activity " + Times.format(conversation.lastActivityAt())
                + " UTC · id " + conversation.id());
        summary.setId("conversation-summary");
        add(title, summary, new H3("Members"));
        List<ConversationMembership> members = members(app, conversation);
        add(new H3("Messages"));
        if (!signedIn.may(Permission.MESSAGES_READ)) {
            Paragraph notice = new Paragraph("Your role may not read message content. Owners, admins and moderators "
                    + "may; each conversation they open is written to the audit log.");
            notice.setId("messages-hidden");
            notice.addClassName("explorer-notice");
            add(notice);
            return;
        }
        MessageList messages = new MessageList(reading.open(signedIn.member(), app.ref(), conversation.id()),
                () -> conversations.get(app.ref(), conversation.id()).lastSeq(),
                senders -> users.names(app.ref(), senders),
                signedIn.may(Permission.MODERATION) || signedIn.may(Permission.APPS_WRITE)
                        ? message -> recall.recall(app.ref(), message, Optional.empty()) : null);
        if (signedIn.may(Permission.APPS_WRITE) && !members.isEmpty()) {
            add(sendForm(app, conversation, members, messages));
        }
        add(messages);
    }

    private List<ConversationMembership> members(ExplorerApp app, ConversationSummary conversation) {
        Page<ConversationMembership> first = conversations.members(app.ref(), conversation.id(),
                Page.Request.first(Page.MAX_LIMIT));
        Map<UserId, String> names = users.names(app.ref(), first.items().stream().map(ConversationMembership::userId).toList());
        boolean changeable = conversation.type() == ConversationType.GROUP && signedIn.may(Permission.APPS_WRITE);
        PagedGrid<ConversationMembership> list = new PagedGrid<>(ConversationMembership.class,
                request -> conversations.members(app.ref(), conversation.id(), request),
                new EmptyState("No members", "Everyone left this conversation or was deleted."));
        list.grid().setId("members");
        list.grid().addComponentColumn(member -> new RouterLink(names.getOrDefault(member.userId(), member.userId().value()),
                UserView.class, app.parameters("userId", member.userId().value()))).setHeader("Member").setFlexGrow(2);
        list.grid().addColumn(member -> member.userId().value()).setHeader("User id").setFlexGrow(1)
                .setPartNameGenerator(member -> "wrap-anywhere");
        list.grid().addColumn(ConversationMembership::role).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(member -> member.readSeq() + " of " + conversation.lastSeq()).setHeader("Read up to")
                .setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(member -> Times.format(member.joinedAt())).setHeader("Joined (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        if (changeable) {
            list.grid().addComponentColumn(member -> {
                Button remove = new Button("Remove", click -> {
                    if (Feedback.succeeded(() -> conversations.removeMembers(app.ref(), conversation.id(),
                            List.of(member.userId())))) {
                        Feedback.success(member.userId() + " is no longer a member");
                        reload();
                    }
                });
                remove.setId("remove-member-" + member.userId());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
            add(addMemberForm(app, conversation));
        }
        add(list);
        list.reload();
        return first.items();
    }

    private Component addMemberForm(ExplorerApp app, ConversationSummary conversation) {
        TextField user = new TextField();
        user.setId("add-member");
        user.setPlaceholder("User id to add");
        FieldErrors errors = new FieldErrors("add-member-error").on("No such users", user).on("A user id", user);
        Button add = new Button("Add member", VaadinIcon.PLUS.create(), click -> {
            errors.clear();
            try {
                String raw = user.getValue().strip();
                if (!UserId.isValid(raw)) {
                    throw DomainException.invalid("A user id is 1 to 128 letters, digits or '_', '.', '@', ':', '-'");
                }
                conversations.addMembers(app.ref(), conversation.id(), List.of(UserId.of(raw)));
                Feedback.success(raw + " is a member now");
                reload();
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        add.setId("add-member-go");
        HorizontalLayout form = new HorizontalLayout(user, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Div(form, errors.general());
    }

    private Component sendForm(ExplorerApp app, ConversationSummary conversation, List<ConversationMembership> members,
                               MessageList messages) {
        com.vaadin.flow.component.select.Select<UserId> sender = new com.vaadin.flow.component.select.Select<>();
        sender.setId("send-as");
        sender.setLabel("Send as");
        sender.setItems(members.stream().map(ConversationMembership::userId).toList());
        Map<UserId, String> names = users.names(app.ref(), members.stream().map(ConversationMembership::userId).toList());
        sender.setItemLabelGenerator(user -> names.getOrDefault(user, user.value()));
        sender.setValue(members.getFirst().userId());
        TextField text = new TextField("Message");
        text.setId("send-text");
        text.setWidth("24rem");
        FieldErrors errors = new FieldErrors("send-error").on("text", text);
        Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), click -> {
            errors.clear();
            try {
                impersonation.sendText(app.ref(), conversation.id(), sender.getValue(), text.getValue());
                text.clear();
                messages.refresh();
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        send.setId("send-go");
        send.addClickShortcut(Key.ENTER);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(sender, text, send);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Div(form, errors.general());
    }

    /** Shows the page again from the services, after a change to the members. */
    private void reload() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }
}
