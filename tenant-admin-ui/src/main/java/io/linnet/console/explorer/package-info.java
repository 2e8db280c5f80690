/**
 * The data explorer: one app's end users and conversations, found by search, each on a page of its
 * own with what the platform knows of it (a user's devices, restrictions and conversations; a
 * conversation's members, their read positions and, for roles that may read message content, its
 * messages) and the actions an operator of the app needs (erase a user, mint a test token, send or
 * recall a message, change a group's members). Opening a conversation's messages is audited.
 */
package io.linnet.console.explorer;
