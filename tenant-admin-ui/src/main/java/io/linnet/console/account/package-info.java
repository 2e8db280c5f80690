/** The signed-in account's own page: its password and its personal access tokens. */
package io.linnet.console.account;
