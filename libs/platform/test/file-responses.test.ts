import request from 'supertest';
import { ServiceApi } from '../src';
import { sampleApp } from './support/sample-app';

function fileApi(body: unknown): ServiceApi {
  const api = new ServiceApi({ service: 'files', title: 't', version: '1' });
  api.route({
    method: 'get',
    path: '/reports/:id.pdf',
    operationId: 'getReport',
    summary: 'A report as a file',
    secured: false,
    responses: { 200: { description: 'The report.', contentType: 'application/pdf' } },
    handler: () => ({ status: 200, body }),
  });
  return api;
}

describe('routes that answer a file', () => {
  it('send the bytes as they are, with the declared media type and no-store', async () => {
    const bytes = Buffer.from('%PDF-1.7\n%\xff\n', 'latin1');
    const response = await request(sampleApp({ services: [fileApi(bytes)] }).app)
      .get('/api/files/reports/7.pdf')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(response.body as Buffer, bytes)).toBe(0);
  });

  it('are documented as binary content of that media type', () => {
    const document = fileApi(Buffer.alloc(0)).openApiDocument();
    expect(document.paths?.['/reports/{id}.pdf']?.get?.responses?.['200']).toEqual(
      expect.objectContaining({
        content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      }),
    );
  });

  it('answer 500, not JSON, when the handler gives something other than bytes', async () => {
    const response = await request(sampleApp({ services: [fileApi({ not: 'bytes' })] }).app).get(
      '/api/files/reports/7.pdf',
    );
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
