import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saturateThenHalf, type LoadFigures } from '../lib/load';
import { demoTokens, startBaseline, startStandalone, type Started } from '../lib/processes';
import type { Figure, RunContext, ScenarioResult, TargetCheck } from '../lib/types';

/** One request shape, sent the same way to Relais and to each baseline. */
export interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  bodies?: string[];
  /** The Authorization header of each body, when other callers than the teacher take turns. */
  authorizations?: string[];
}

export interface Preparation {
  endpoints: Endpoint[];
  /** Path → JSON body the baselines answer from memory (reads only). */
  reads: Record<string, string>;
}

const servers = [
  { subject: 'Relais standalone', key: 'relais' },
  { subject: 'bare Express 5 + jose', key: 'express', baseline: true },
  { subject: 'bare node:http + jose', key: 'http', baseline: true },
] as const;

/**
 * Relais standalone against the two baselines (bench/baselines/bare-servers.ts) on the same endpoints,
 * the same token and the same JWKS (Relais's own embedded provider), one server at a time.
 */
export async function compareHttp(
  context: RunContext,
  prepare: (standalone: Started, authorization: string) => Promise<Preparation>,
): Promise<{
  result: ScenarioResult;
  relaisToExpress: Map<string, number>;
  relaisHalfP99: Map<string, number>;
}> {
  const seconds = context.quick ? 2 : 8;
  const standalone = await startStandalone({
    root: context.root,
    ...(context.profileDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${context.profileDir}`] } : {}),
  });
  const started: Started[] = [standalone];
  // The profile's samples before this are start-up and demo seeding, not the requests measured.
  if (context.profileDir)
    writeFileSync(
      join(context.profileDir, 'load-starts.json'),
      JSON.stringify({ ms: standalone.readyAfterMs }),
    );
  try {
    const tokens = await demoTokens(standalone.baseUrl, 'teacher.01');
    const authorization = `Bearer ${tokens.access_token}`;
    const preparation = await prepare(standalone, authorization);
    const routesFile = join(mkdtempSync(join(tmpdir(), 'relais-bench-')), 'routes.json');
    writeFileSync(
      routesFile,
      JSON.stringify({
        jwksUrl: `${standalone.baseUrl}/realms/relais/protocol/openid-connect/certs`,
        issuer: `${standalone.baseUrl}/realms/relais`,
        reads: preparation.reads,
      }),
    );
    const bases: Record<string, Started> = { relais: standalone };
    for (const mode of ['express', 'http'] as const) {
      const baseline = await startBaseline(context.root, 'bench/baselines/bare-servers.ts', {
        BASELINE: mode,
        ROUTES_FILE: routesFile,
      });
      started.push(baseline);
      bases[mode] = baseline;
    }

    const tables: ScenarioResult['tables'] = [];
    const relaisToExpress = new Map<string, number>();
    const relaisHalfP99 = new Map<string, number>();
    for (const endpoint of preparation.endpoints) {
      const measured = new Map<string, { saturated: LoadFigures; half: LoadFigures }>();
      for (const server of servers) {
        context.log(`  ${endpoint.name}: ${server.subject}`);
        const figures = await saturateThenHalf(
          {
            url: `${bases[server.key]!.baseUrl}${endpoint.path}`,
            method: endpoint.method,
            headers: { authorization },
            ...(endpoint.bodies ? { bodies: endpoint.bodies } : {}),
            ...(endpoint.authorizations ? { authorizations: endpoint.authorizations } : {}),
          },
          seconds,
        );
        const failures = figures.saturated.failures + figures.half.failures;
        if (failures > 0)
          throw new Error(
            `${server.subject} answered ${failures} failures to ${endpoint.method} ${endpoint.path}`,
          );
        measured.set(server.key, figures);
      }
      const express = measured.get('express')!.saturated.requestsPerSecond;
      const rows: Figure[] = servers.map((server) => {
        const { saturated, half } = measured.get(server.key)!;
        return {
          subject: server.subject,
          ...('baseline' in server && server.baseline ? { baseline: true } : {}),
          throughput: saturated.requestsPerSecond,
          throughputUnit: 'req/s',
          p50: saturated.p50,
          p99: saturated.p99,
          ratio: saturated.requestsPerSecond / express,
          other: `at half (${Math.round(saturated.requestsPerSecond / 2)} req/s): p50 ${half.p50} ms, p99 ${half.p99} ms`,
        };
      });
      relaisToExpress.set(endpoint.name, rows[0]!.ratio!);
      relaisHalfP99.set(endpoint.name, measured.get('relais')!.half.p99);
      tables.push({ heading: `${endpoint.method} ${endpoint.name}`, figures: rows });
    }
    return {
      result: {
        tables,
        targets: [],
        notes: [
          `Ratio: requests/s against bare Express 5 + jose in the same run. Saturation: autocannon, 10 connections, ${seconds} s after a warm-up; then the same for ${seconds} s at half the saturated rate.`,
          "One teacher token (teacher.01) for every request, a trainer token (trainer.alice) for the trainer's write; every server verifies it on every request (the key set is cached by all three).",
        ],
      },
      relaisToExpress,
      relaisHalfP99,
    };
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

export function httpTargets(
  what: string,
  relaisToExpress: Map<string, number>,
  relaisHalfP99: Map<string, number>,
): TargetCheck[] {
  return [...relaisToExpress].flatMap(([endpoint, ratio]) => [
    {
      target: `${what} ${endpoint}: ≥ 0.7× bare Express`,
      measured: `${ratio.toFixed(2)}×`,
      met: ratio >= 0.7,
    },
    {
      target: `${what} ${endpoint}: p99 ≤ 20 ms at half the saturated rate`,
      measured: `${relaisHalfP99.get(endpoint)} ms`,
      met: (relaisHalfP99.get(endpoint) ?? Infinity) <= 20,
    },
  ]);
}

export async function getJson(url: string, authorization: string): Promise<{ text: string; json: unknown }> {
  const response = await fetch(url, { headers: { authorization } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return { text, json: JSON.parse(text) };
}
