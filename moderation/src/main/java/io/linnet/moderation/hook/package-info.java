/** The pre-send hook's protocol (what the hook is asked, what it may decide) and the hook's REST API. */
package io.linnet.moderation.hook;
