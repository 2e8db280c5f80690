/**
 * The review queue's intake (messages a FLAG rule hit, users' reports over REST and the WebSocket)
 * and its REST API with the per-day counts.
 */
package io.linnet.moderation.review;
