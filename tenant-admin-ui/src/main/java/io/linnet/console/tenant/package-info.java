/** The operator's screens: the platform's tenants, created with their owner, suspended and resumed. */
package io.linnet.console.tenant;
