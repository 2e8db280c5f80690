/** A tenant's team: members and their roles, invitations by one-time link. */
package io.linnet.console.team;
