package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * Whether a user is banned from their app, asked each time one of their tokens is checked (a client
 * connecting to the gateway): a banned user's tokens are refused while the ban lasts. Moderation
 * answers it; without moderation nobody is banned. Asked for every connection, so an answer should
 * cost no more than one look-up.
 */
public interface SignInBans {

    /** Nobody is banned: for a deployment without moderation, and for tests of the tokens alone. */
    SignInBans NONE = (app, user) -> false;

    boolean banned(AppRef app, UserId user);
}
