/** The page an invitation link opens, where the invitee chooses a password. */
package io.linnet.console.invitation;
