package io.linnet.moderation.restriction;

import io.linnet.messaging.SignInBans;
import io.linnet.messaging.UserId;
import io.linnet.moderation.screening.ModerationStates;
import io.linnet.tenancy.AppRef;
import org.springframework.stereotype.Component;

/**
 * Tells messaging whose tokens to refuse: the users an app's moderators banned, while the ban lasts.
 * Answered from this node's copy of the app's moderation, which every node drops (and acknowledges)
 * before a ban's connections are closed, so a client that reconnects at once is refused.
 */
@Component
class BannedUsers implements SignInBans {

    private final ModerationStates states;

    BannedUsers(ModerationStates states) {
        this.states = states;
    }

    @Override
    public boolean banned(AppRef app, UserId user) {
        return states.banned(app, user);
    }
}
