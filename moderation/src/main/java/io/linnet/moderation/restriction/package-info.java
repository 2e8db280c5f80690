/** Mutes and bans: their REST API, and the bans messaging asks about when it checks a user's token. */
package io.linnet.moderation.restriction;
