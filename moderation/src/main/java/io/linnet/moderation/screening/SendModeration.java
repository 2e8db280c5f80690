package io.linnet.moderation.screening;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.SendScreen;
import io.linnet.moderation.PreSendHookSettings;
import io.linnet.moderation.PreSendHooks;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.Verdict;
import io.linnet.moderation.count.DailyCounter;
import io.linnet.moderation.hook.HookCall;
import io.linnet.moderation.hook.HookDecision;
import io.linnet.moderation.review.FlaggedMessages;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moderation on the send path, for every send (WebSocket or REST), in this order:
 * <ol>
 *   <li>a banned sender is refused ({@code user_banned}), a muted one too ({@code user_muted});</li>
 *   <li>the text is checked against the app's rules: a BLOCK hit refuses the send
 *       ({@code message_blocked}, nothing stored), MASK hits are starred out, a FLAG hit lets the
 *       message through and queues it for review once stored;</li>
 *   <li>the app's pre-send hook, if it has one, sees the (masked) message and allows, blocks or
 *       replaces it (a replacement is checked like a client's body and by the rules again); when
 *       the hook fails the app's policy decides (open: send, closed: block).</li>
 * </ol>
 * A message without hits costs one look-up in this node's copy of the app's moderation and one
 * pass of the matcher over its text.
 */
@Component
class SendModeration implements SendScreen {

    private static final Logger log = LoggerFactory.getLogger(SendModeration.class);

    private final ModerationStates states;
    private final PreSendHooks hooks;
    private final FlaggedMessages flagged;
    private final DailyCounter counter;
    private final MessagingSettings messaging;
    private final Inbox conversations;
    private final Clock clock = Clock.systemUTC();

    SendModeration(ModerationStates states, PreSendHooks hooks, FlaggedMessages flagged, DailyCounter counter,
                   MessagingSettings messaging, Inbox conversations) {
        this.states = states;
        this.hooks = hooks;
        this.flagged = flagged;
        this.counter = counter;
        this.messaging = messaging;
        this.conversations = conversations;
    }

    @Override
    public Screening screen(AppRef app, ConversationId conversation, SubmittedMessage message) {
        ModerationState state = states.of(app);
        state.restraining(message.senderId(), conversation, clock.instant()).ifPresent(restraint -> {
            throw restraint.kind() == RestrictionKind.BAN
                    ? new DomainException(ErrorCode.USER_BANNED, "This user is banned from the app")
                    : new DomainException(ErrorCode.USER_MUTED, restraint.conversation().isPresent()
                    ? "This user is muted in this conversation" : "This user is muted in this app");
        });
        // looked up only when needed (a scoped rule hit, or the hook is to be asked); a sender who is not a member
        // finds no conversation here, as when storing: so neither the hook nor the counts see a send that could not be
        // stored anyway
        Lazy<ConversationType> type = new Lazy<>(() -> conversations.type(app, message.senderId(), conversation));
        Verdict verdict = check(app, state, message, type);
        SubmittedMessage screened = verdict.masked() ? message.withText(verdict.text()) : message;
        if (state.hook().isPresent()) {
            PreSendHookSettings hook = state.hook().get();
            HookDecision decision = hooks.ask(hook, new HookCall(app.tenantId().toString(), app.appId().toString(),
                    conversation.toString(), type.get().wireName(), message.senderId().value(), message.clientMsgId(),
                    screened.body().json()));
            switch (decision) {
                case HookDecision.Allow allow -> {
                }
                case HookDecision.Block block -> {
                    counter.bump(app, DailyCounter.Counted.BLOCKED);
                    throw new DomainException(ErrorCode.MESSAGE_BLOCKED, block.reason() == null || block.reason().isBlank()
                            ? "The app's moderation hook blocked this message" : block.reason());
                }
                case HookDecision.Replace replace -> {
                    SubmittedMessage replaced;
                    try {
                        replaced = screened.withBody(replace.body(), messaging);
                    } catch (DomainException invalid) {
                        log.info("The pre-send hook of app {} answered a replacement that is not a valid body: {}",
                                app.appId(), invalid.getMessage());
                        return failed(app, hook, "invalid replacement: " + invalid.getMessage(), screened, verdict);
                    }
                    Verdict again = check(app, state, replaced, type);
                    screened = again.masked() ? replaced.withText(again.text()) : replaced;
                    verdict = merge(verdict, again);
                }
                case HookDecision.Failed failed -> {
                    return failed(app, hook, failed.why(), screened, verdict);
                }
            }
        }
        return screening(app, screened, verdict);
    }

    private Screening failed(AppRef app, PreSendHookSettings hook, String why, SubmittedMessage screened, Verdict verdict) {
        if (hook.onFailure() == PreSendHookSettings.FailurePolicy.CLOSED) {
            counter.bump(app, DailyCounter.Counted.BLOCKED);
            // the same words whatever went wrong: what the hook's network said is not the sender's to learn
            log.debug("The pre-send hook of app {} failed ({}); blocking as the app's policy says", app.appId(), why);
            throw new DomainException(ErrorCode.MESSAGE_BLOCKED,
                    "The app's moderation hook did not answer, and the app blocks messages then");
        }
        log.debug("The pre-send hook of app {} failed ({}); sending as the app's policy says", app.appId(), why);
        return screening(app, screened, verdict);
    }

    /** The rules' verdict on a message's text; refuses it if a BLOCK rule hit. */
    private Verdict check(AppRef app, ModerationState state, SubmittedMessage message, Lazy<ConversationType> type) {
        Optional<String> text = message.text();
        if (text.isEmpty() || state.rules().isEmpty()) {
            return Verdict.none(text.orElse(""));
        }
        Verdict verdict = state.rules().check(text.get(), null);
        if (!verdict.clean() && state.scoped()) {
            // some rule applies to one type of conversation only: only now is the type worth a look-up
            verdict = state.rules().check(text.get(), type.get());
        }
        if (verdict.blocked()) {
            counter.bump(app, DailyCounter.Counted.BLOCKED);
            throw new DomainException(ErrorCode.MESSAGE_BLOCKED, "This message was blocked by the app's moderation rules");
        }
        return verdict;
    }

    private Screening screening(AppRef app, SubmittedMessage screened, Verdict verdict) {
        if (verdict.masked()) {
            counter.bump(app, DailyCounter.Counted.MASKED);
        }
        if (!verdict.flagged()) {
            return Screening.unchanged(screened);
        }
        return new Screening() {
            @Override
            public SubmittedMessage message() {
                return screened;
            }

            @Override
            public void stored(Message message) {
                flagged.queue(app, message, verdict.hits().stream()
                        .filter(hit -> hit.action() == RuleAction.FLAG).toList());
            }
        };
    }

    private static Verdict merge(Verdict first, Verdict second) {
        List<Verdict.Hit> hits = new ArrayList<>(first.hits());
        hits.addAll(second.hits());
        return new Verdict(hits, second.text());
    }

    /** A value worked out at most once, and only if asked for. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
