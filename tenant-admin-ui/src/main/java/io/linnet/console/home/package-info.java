/** The console's start address, which sends each account to where its work is. */
package io.linnet.console.home;
