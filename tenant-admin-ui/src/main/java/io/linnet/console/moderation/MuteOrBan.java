package io.linnet.console.moderation;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.Feedback;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.moderation.Restriction;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.Restrictions;
import io.linnet.tenancy.AppId;

import java.time.Instant;
import java.util.Optional;

/**
 * The dialogs that mute or ban a user of one app: the sender of a queued message (muted in that
 * conversation or the whole app), or any user by id. Each asks how long and why.
 */
public final class MuteOrBan {

    /** Where a sender is muted. */
    private enum Place { CONVERSATION, APP }

    private static final String MUTE_EFFECT = "A muted user still receives messages but cannot send any.";
    private static final String BAN_EFFECT = "A banned user's connections close at once, their tokens stop working "
            + "and their sends are refused until the ban ends.";

    private final Restrictions restrictions;
    private final SignedInAccount signedIn;
    private final AppId app;
    private final Runnable changed;

    /** @param changed called after each mute or ban, to show it */
    public MuteOrBan(Restrictions restrictions, SignedInAccount signedIn, AppId app, Runnable changed) {
        this.restrictions = restrictions;
        this.signedIn = signedIn;
        this.app = app;
        this.changed = changed;
    }

    /** Mutes the sender of a message, in the message's conversation or in the whole app. */
    ReasonDialog muteSender(UserId sender, ConversationId conversation) {
        RadioButtonGroup<Place> where = new RadioButtonGroup<>("Where");
        where.setId("mute-place");
        where.setItems(Place.values());
        where.setItemLabelGenerator(place -> place == Place.CONVERSATION ? "In this conversation" : "In the whole app");
        where.setValue(Place.CONVERSATION);
        Select<Lasting> lasting = lasting("mute-lasting", Lasting.DAY);
        return new ReasonDialog("mute", "Mute " + sender, MUTE_EFFECT, "Mute", true, reason -> done(restrictions.mute(
                signedIn.member(), app, sender.value(),
                where.getValue() == Place.CONVERSATION ? Optional.of(conversation.toString()) : Optional.empty(),
                lasting.getValue().duration(), reason)))
                .with(where, lasting);
    }

    ReasonDialog banSender(UserId sender) {
        Select<Lasting> lasting = lasting("ban-lasting", Lasting.UNTIL_LIFTED);
        return new ReasonDialog("ban", "Ban " + sender, BAN_EFFECT, "Ban", true, reason -> done(restrictions.ban(
                signedIn.member(), app, sender.value(), lasting.getValue().duration(), reason)))
                .with(lasting);
    }

    /** Mutes (in one conversation, or the whole app) or bans any user of the app, by id. */
    ReasonDialog anyUser() {
        return impose(Optional.empty());
    }

    /** Mutes (in one conversation, or the whole app) or bans {@code given}, e.g. from the user's own page. */
    public Dialog user(UserId given) {
        return impose(Optional.of(given));
    }

    private ReasonDialog impose(Optional<UserId> given) {
        TextField user = new TextField("User id");
        user.setId("restrict-user");
        user.setRequiredIndicatorVisible(true);
        given.ifPresent(id -> {
            user.setValue(id.value());
            user.setReadOnly(true);
        });
        RadioButtonGroup<RestrictionKind> kind = new RadioButtonGroup<>("Restriction");
        kind.setId("restrict-kind");
        kind.setItems(RestrictionKind.values());
        kind.setItemLabelGenerator(k -> k == RestrictionKind.MUTE ? "Mute: may not send" : "Ban: shut out of the app");
        kind.setValue(RestrictionKind.MUTE);
        TextField conversation = new TextField("Conversation id");
        conversation.setId("restrict-conversation");
        conversation.setPlaceholder("Leave empty to mute in the whole app");
        Select<Lasting> lasting = lasting("restrict-lasting", Lasting.DAY);
        kind.addValueChangeListener(event -> {
            conversation.setVisible(event.getValue() == RestrictionKind.MUTE);
            lasting.setValue(event.getValue() == RestrictionKind.MUTE ? Lasting.DAY : Lasting.UNTIL_LIFTED);
        });
        ReasonDialog dialog = new ReasonDialog("restrict", "Mute or ban a user", MUTE_EFFECT + " " + BAN_EFFECT, "Impose",
                true, reason -> done(kind.getValue() == RestrictionKind.BAN
                ? restrictions.ban(signedIn.member(), app, user.getValue().strip(), lasting.getValue().duration(), reason)
                : restrictions.mute(signedIn.member(), app, user.getValue().strip(),
                Optional.of(conversation.getValue().strip()).filter(id -> !id.isEmpty()),
                lasting.getValue().duration(), reason)));
        dialog.errors().on("userId", user).on("durationSeconds", lasting);
        return dialog.with(user, kind, conversation, lasting);
    }

    private void done(Restriction imposed) {
        Feedback.success(imposed.userId() + " is " + (imposed.kind() == RestrictionKind.BAN ? "banned" : "muted")
                + (imposed.conversationId() == null ? "" : " in this conversation") + ", "
                + RestrictionSummary.remaining(imposed, Instant.now()));
        changed.run();
    }

    private static Select<Lasting> lasting(String id, Lasting initial) {
        Select<Lasting> lasting = new Select<>();
        lasting.setId(id);
        lasting.setLabel("For");
        lasting.setItems(Lasting.values());
        lasting.setItemLabelGenerator(Lasting::label);
        lasting.setValue(initial);
        return lasting;
    }
}
