/**
 * The chat (WebSocket) benchmark: a load generator of Netty WebSocket clients that chat through a
 * running server in direct conversations and a large group, hold thousands of idle connections,
 * and compare what the server stores with PostgreSQL's own insert ceiling. Run by bench/chat/run.
 */
package io.linnet.bench.chat;
