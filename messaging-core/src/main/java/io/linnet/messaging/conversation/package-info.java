/**
 * Conversations of an app's end users: direct (exactly two members, one per pair) and groups (a
 * name, a member limit, members with roles). A conversation's row also carries its message seq.
 */
package io.linnet.messaging.conversation;
