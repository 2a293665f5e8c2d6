import { describe, expect, it } from 'vitest';
import { OTHER_ROUTE, routeLabel, routeTableOf } from './route-label';

// The shape of Next's .next/routes-manifest.json, cut down to what routeLabel reads.
const table = routeTableOf({
  staticRoutes: [{ page: '/' }, { page: '/operator/ventures' }, { page: '/api/metrics' }],
  dynamicRoutes: [
    { page: '/operator/ventures/[id]', regex: '^/operator/ventures/([^/]+?)(?:/)?$' },
    { page: '/api/auth/[...nextauth]', regex: '^/api/auth/(.+?)(?:/)?$' },
  ],
});

describe('routeLabel', () => {
  it('names a static route by its path and a dynamic one by its pattern', () => {
    expect(routeLabel('/', table)).toBe('/');
    expect(routeLabel('/operator/ventures', table)).toBe('/operator/ventures');
    expect(routeLabel('/operator/ventures/', table)).toBe('/operator/ventures');
    expect(routeLabel('/operator/ventures/123', table)).toBe('/operator/ventures/[id]');
    expect(routeLabel('/operator/ventures/9999', table)).toBe('/operator/ventures/[id]');
    expect(routeLabel('/api/auth/callback/credentials', table)).toBe('/api/auth/[...nextauth]');
  });

  it('puts every unknown address under one label, and the build files under two', () => {
    expect(routeLabel('/wp-admin/setup.php', table)).toBe(OTHER_ROUTE);
    expect(routeLabel('/operator/ventures/1/2/3', table)).toBe(OTHER_ROUTE);
    expect(routeLabel('/robots.txt', table)).toBe(OTHER_ROUTE);
    expect(routeLabel('/_next/static/chunks/abc123.js', table)).toBe('/_next/static');
    expect(routeLabel('/_next/image', table)).toBe('/_next');
  });

  it('with no manifest (a development server) names nothing but the build files', () => {
    expect(routeLabel('/operator/ventures/1', routeTableOf({}))).toBe(OTHER_ROUTE);
  });
});
