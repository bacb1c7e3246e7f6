/** GET /api/health: liveness — the process is up and serving HTTP. */
export interface HealthResponse {
  status: 'ok' | 'error';
  /** Kept for compatibility: the database as last seen by readiness (liveness does not wait for it). */
  database?: 'up' | 'down';
}

/** GET /api/health/ready: 200 when this instance should get traffic, 503 otherwise. */
export interface ReadinessResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  /** 'not-configured' without REDIS_URL (live events then stay on this instance). */
  redis: 'up' | 'down' | 'not-configured';
  /** False once a shutdown began: the load balancer should stop sending requests. */
  accepting: boolean;
}
