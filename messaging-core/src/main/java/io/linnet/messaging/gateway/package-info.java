/**
 * The real-time gateway: end users' WebSocket connections on a Netty server of their own, the
 * frames of docs/realtime.md, and the delivery of messages, receipts, typing, presence and
 * recalls to every device of every member, on this node or, through Redis, on the others.
 */
package io.linnet.messaging.gateway;
