import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Version of the platform, from the workspace's package.json: found by walking up from this file, which
 * works from the sources (tests), from dist/ and in the image (package.json is copied next to dist/).
 */
function workspaceVersion(): string {
  if (process.env.AMBITO_VERSION) return process.env.AMBITO_VERSION;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ambito' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const APP_VERSION: string = workspaceVersion();
