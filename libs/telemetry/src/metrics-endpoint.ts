/** Same shape as @relais/platform's MetricsEndpoint (kept local so telemetry depends on no Relais lib). */
export interface MetricsEndpoint {
  contentType: string;
  collect(): Promise<string>;
}

export const PROMETHEUS_TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
