/** Internal: the plans' storage and the seed of Free, Pro and Enterprise. */
package io.linnet.billing.plan;
