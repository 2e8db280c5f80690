/** The frame of the signed-in console: side menu, who is signed in, sign-out, and the quota banner above a member's pages. */
package io.linnet.console.layout;
