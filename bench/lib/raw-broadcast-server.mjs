// Baseline for the fan-out benchmark: a bare socket.io server (the same version the app uses)
// that broadcasts whatever is POSTed to /broadcast to everyone in one room.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/broadcast') {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    io.of('/live').to('thread').emit('comment.created', JSON.parse(body));
    response.writeHead(204).end();
  });
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.of('/live').on('connection', (socket) => {
  socket.on('thread:join', (_ref, ack) => {
    void socket.join('thread');
    ack?.({ ok: true, lastSeq: 0 });
  });
});
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
