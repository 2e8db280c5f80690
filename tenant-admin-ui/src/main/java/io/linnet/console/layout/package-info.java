/** The frame of the signed-in console: side menu, who is signed in, sign-out. */
package io.linnet.console.layout;
