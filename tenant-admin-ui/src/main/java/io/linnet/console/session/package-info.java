/** The signed-in console account, turned into the {@code Actor} the services expect. */
package io.linnet.console.session;
