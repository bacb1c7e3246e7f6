/** GET /api/health: liveness — the process is up and serving HTTP. */
export interface HealthResponse {
  status: 'ok' | 'error';
  /** Kept for compatibility: the database as last seen by readiness (liveness does not wait for it). */
  database?: 'up' | 'down';
}

/**
 * GET /api/health/ready: 200 when this instance should get traffic, 503 otherwise. `degraded`
 * (still 200): Redis is configured but unreachable — everything works, live events reach only this
 * instance's clients until it returns. Taking every instance out of rotation for that (Redis is
 * shared, so all lose it at once) would turn a degradation into an outage.
 */
export interface ReadinessResponse {
  status: 'ok' | 'degraded' | 'error';
  database: 'up' | 'down';
  /** 'not-configured' without REDIS_URL (live events then stay on this instance). */
  redis: 'up' | 'down' | 'not-configured';
  /** False once a shutdown began: the load balancer should stop sending requests. */
  accepting: boolean;
}
