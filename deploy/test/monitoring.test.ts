import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLogger } from '@relais/platform';
import { recordSuppressedCells } from '@relais/stats';
import { demoRealmFile, eventually, relaisClient, userIdOf } from '@relais/testing';
import { startStandalone, type Standalone } from '../../apps/standalone/src/standalone';
import { repositoryRoot } from './support/paths';

const read = (path: string) => readFileSync(join(repositoryRoot, path), 'utf8');

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; runbook: string };
}

const alerts = (
  parse(read('deploy/monitoring/alerts.yaml')) as { groups: Array<{ rules: AlertRule[] }> }
).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(read('deploy/monitoring/dashboard.json')) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
};

/** Metric names a PromQL expression reads (Relais's own and the HTTP histogram's series). */
function metricNamesIn(expr: string): string[] {
  // Label names (`by (...)` lists) are not metrics, whatever their prefix.
  const withoutGrouping = expr.replace(/\b(?:by|without)\s*\([^)]*\)/g, '');
  return [...new Set(withoutGrouping.match(/\b(?:relais|http_server)_[a-z0-9_]+\b/g) ?? [])];
}

/** Series names on a Prometheus text page. */
function seriesNames(page: string): Set<string> {
  return new Set(
    page
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/[{ ]/)[0] ?? ''),
  );
}

describe('alert rules and dashboard against a real /metrics page', () => {
  let standalone: Standalone;
  let exposed: Set<string>;

  beforeAll(async () => {
    standalone = await startStandalone({
      port: 0,
      logger: createLogger({ service: 'monitoring-test', level: 'silent' }),
      realmFile: demoRealmFile,
    });
    const relais = relaisClient({ apiUrl: standalone.baseUrl, identityUrl: standalone.baseUrl });
    // Enough to make every family appear: requests, an outbox publication, a dead letter, a readiness
    // probe, and the suppression counter the stats service reports through.
    const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
      title: 'Monitoring',
      academy: 'lyon',
      themes: ['monitoring'],
      predictedHours: 1,
      trainerIds: [userIdOf('trainer.alice')],
    });
    expect(created.status).toBe(201);
    await standalone.bus.publishRaw('enrollment.events.v1', { key: 'poison', value: 'not json' });
    expect((await fetch(`${standalone.baseUrl}/readyz`)).status).toBe(200);
    recordSuppressedCells({ table: 'ministry-enrollments', suppression: 'primary', count: 1 });
    exposed = await eventually(async () => {
      const names = seriesNames(await (await fetch(`${standalone.baseUrl}/metrics`)).text());
      return names.has('relais_bus_dead_letters_total') && names.has('relais_outbox_published_events_total')
        ? names
        : undefined;
    });
  }, 60_000);

  afterAll(() => standalone?.stop());

  it('has the alerts of the observability issue and of degradation, each with a severity and a runbook section', () => {
    expect(alerts.map((rule) => rule.alert).sort()).toEqual([
      'RelaisConsumerLagGrowing',
      'RelaisDeadLetters',
      'RelaisDependencyDown',
      'RelaisHttp5xxRate',
      'RelaisOutboxStuck',
      'RelaisReadinessFailing',
    ]);
    const operations = read('docs/operations.md');
    const anchors = new Set(
      [...operations.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
        String(heading)
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .replace(/\s/g, '-'),
      ),
    );
    for (const rule of alerts) {
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
      const [file, anchor] = rule.annotations.runbook.split('#');
      expect(file).toBe('docs/operations.md');
      expect(anchors).toContain(anchor);
    }
  });

  it('reads only metrics the services expose', () => {
    for (const rule of alerts) {
      const names = metricNamesIn(rule.expr);
      expect(names.length).toBeGreaterThan(0);
      expect({ alert: rule.alert, missing: names.filter((name) => !exposed.has(name)) }).toEqual({
        alert: rule.alert,
        missing: [],
      });
    }
  });

  it('has a dashboard whose every panel queries metrics the services expose', () => {
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of dashboard.panels) {
      const names = panel.targets.flatMap((target) => metricNamesIn(target.expr));
      expect(names.length).toBeGreaterThan(0);
      expect({ panel: panel.title, missing: names.filter((name) => !exposed.has(name)) }).toEqual({
        panel: panel.title,
        missing: [],
      });
    }
  });

  it('labels no metric with anything that could identify a person', () => {
    const queries = [
      ...alerts.map((rule) => rule.expr),
      ...dashboard.panels.flatMap((panel) => panel.targets.map((t) => t.expr)),
    ];
    const labels = new Set(
      queries
        .flatMap((query) => [...query.matchAll(/\bby \(([^)]*)\)/g)])
        .flatMap(([, list]) => String(list).split(','))
        .map((label) => label.trim()),
    );
    expect(labels.size).toBeGreaterThan(3);
    for (const label of [
      'user_id',
      'userId',
      'enduser_id',
      'teacher',
      'school',
      'email',
      'name',
      'url_path',
    ]) {
      expect(labels).not.toContain(label);
    }
  });
});

describe('OpenTelemetry Collector configuration', () => {
  const source = read('deploy/otel/collector.yaml');
  const config = parse(source) as {
    processors: {
      redaction: {
        allow_all_keys: boolean;
        allowed_keys: string[];
        ignored_keys?: string[];
        blocked_values: string[];
      };
    } & Record<string, { blocked_values?: string[] }>;
    exporters: Record<string, { endpoint?: string }>;
    service: { pipelines: Record<string, { processors: string[]; exporters: string[] }> };
  };
  const pipelines = Object.entries(config.service.pipelines);

  it('is the one the Kubernetes component deploys', () => {
    expect(read('deploy/k8s/components/otel/collector-config.yaml')).toBe(source);
  });

  it('puts the allow-list redaction in front of the exporters of every trace pipeline', () => {
    const tracePipelines = Object.entries(config.service.pipelines).filter(([name]) =>
      name.startsWith('traces'),
    );
    expect(tracePipelines.length).toBeGreaterThan(0);
    for (const [, pipeline] of tracePipelines) expect(pipeline.processors).toContain('redaction');
    expect(config.processors.redaction.allow_all_keys).toBe(false);
  });

  it('redacts logs with the same allow-list, and masks values in metrics', () => {
    const logs = pipelines.filter(([name]) => name.startsWith('logs'));
    expect(logs.length).toBeGreaterThan(0);
    for (const [, pipeline] of logs) expect(pipeline.processors).toContain('redaction');
    for (const [name, pipeline] of pipelines.filter(([n]) => n.startsWith('metrics'))) {
      const masking = pipeline.processors.filter((processor) => processor.startsWith('redaction'));
      expect({ name, masking: masking.length > 0 }).toEqual({ name, masking: true });
      for (const processor of masking)
        expect(config.processors[processor]?.blocked_values).toEqual(
          config.processors.redaction.blocked_values,
        );
    }
  });

  it('keeps the resource attributes that say which service sent the data', () => {
    // The allow-list applies to resource attributes as well: without this, service.name was dropped.
    expect(config.processors.redaction.ignored_keys).toEqual(
      expect.arrayContaining(['service.name', 'service.version', 'deployment.environment.name']),
    );
  });

  it('exports every pipeline to the environment’s OTLP backend, not only to its own log', () => {
    for (const [name, pipeline] of pipelines) {
      expect({ name, exporters: pipeline.exporters }).toEqual({ name, exporters: ['otlphttp'] });
    }
    expect(config.exporters['otlphttp']?.endpoint).toBe('${env:RELAIS_TELEMETRY_BACKEND}');
  });

  it('runs a collector whose redaction processor covers span events (contrib 0.121 or later)', () => {
    const manifest = read('deploy/k8s/components/otel/collector.yaml');
    const version = /opentelemetry-collector-contrib:0\.(\d+)\.\d+@sha256:[0-9a-f]{64}/.exec(manifest);
    expect(version).not.toBeNull();
    expect(Number(version?.[1])).toBeGreaterThanOrEqual(121);
  });

  it('allows no attribute that identifies a person or a raw URL', () => {
    const allowed = config.processors.redaction.allowed_keys;
    for (const denied of [
      'enduser.id',
      'url.path',
      'url.query',
      'url.full',
      'http.target',
      'http.url',
      'messaging.kafka.message.key',
      'client.address',
      'user_agent.original',
      'exception.message',
    ]) {
      expect(allowed).not.toContain(denied);
    }
    expect(
      allowed.filter((key) => /^(enduser|user|http\.request\.header|http\.response\.header)\./.test(key)),
    ).toEqual([]);
  });
});
