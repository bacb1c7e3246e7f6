import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { CommentsModule } from '../comments/comments.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { RatingsModule } from '../ratings/ratings.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { LiveGateway } from './live.gateway.js';
import { LivePresence } from './live-presence.service.js';
import { SlowSocketSweeper } from './slow-socket-sweeper.service.js';
import { SocketAdmission } from './socket-admission.service.js';
import { ReplayCache } from './replay-cache.js';
import { ThreadEventRenderer } from './thread-event-renderer.service.js';
import { ThreadEventsController } from './thread-events.controller.js';

@Module({
  imports: [JwtModule.register({}), CommentsModule, RatingsModule, ConsultationsModule, ThreadsModule, DisclosureModule],
  controllers: [ThreadEventsController],
  providers: [LiveGateway, SocketAdmission, LivePresence, SlowSocketSweeper, ThreadEventRenderer, ReplayCache],
})
export class RealtimeModule {}
