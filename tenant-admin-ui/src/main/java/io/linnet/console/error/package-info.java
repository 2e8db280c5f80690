/**
 * What the console shows, inside its frame, when a page cannot be shown: an address that leads nowhere, or a page
 * the signed-in role may not open. Each says what happened and leads back to the start.
 */
package io.linnet.console.error;
